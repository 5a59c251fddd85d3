import { Body, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Role, TenantView, UpdateTenantDto } from '@navaia/shared';
import { MinRole } from '../../common/auth/decorators';
import { ApiBodyDto } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { TenantService } from './tenant.service';

@ApiTags('tenant')
@TenantScopedController('tenant')
export class TenantController {
  constructor(private readonly tenants: TenantService) {}

  @Get()
  @ApiOperation({ summary: 'The settings of the caller’s tenant' })
  get(): Promise<TenantView> {
    return this.tenants.view();
  }

  @Patch()
  @MinRole(Role.Admin)
  @ApiOperation({ summary: 'Change tenant settings (admin+); nested objects merge' })
  @ApiBodyDto(UpdateTenantDto)
  update(@Body() dto: UpdateTenantDto): Promise<TenantView> {
    return this.tenants.update(dto);
  }
}

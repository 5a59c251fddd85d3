import { Body, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MemberView, Role, TenantView, UpdateTenantDto } from '@navaia/shared';
import { MinRole } from '../../common/auth/decorators';
import { ApiBodyDto, ApiList, ApiOk } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { TenantService } from './tenant.service';
import { UsersService } from './users.service';

@ApiTags('tenant')
@TenantScopedController('tenant')
export class TenantController {
  constructor(
    private readonly tenants: TenantService,
    private readonly users: UsersService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The settings of the caller’s tenant' })
  @ApiOk('TenantView')
  get(): Promise<TenantView> {
    return this.tenants.view();
  }

  @Get('members')
  @ApiOperation({ summary: 'The team as every role may see it (to assign work)' })
  @ApiList('MemberView')
  members(): Promise<MemberView[]> {
    return this.users.directory();
  }

  @Patch()
  @MinRole(Role.Admin)
  @ApiOperation({ summary: 'Change tenant settings (admin+); nested objects merge' })
  @ApiBodyDto(UpdateTenantDto)
  @ApiOk('TenantView')
  update(@Body() dto: UpdateTenantDto): Promise<TenantView> {
    return this.tenants.update(dto);
  }
}

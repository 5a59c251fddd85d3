import { Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditEntryView, AuditLogQueryDto, Page, Role } from '@navaia/shared';
import { ApiKeyScope, MinRole } from '../../common/auth/decorators';
import { ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { AuditLogService } from './audit-log.service';

@ApiTags('audit')
@TenantScopedController('audit-log')
@MinRole(Role.Admin)
@ApiKeyScope('audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @ApiOperation({
    summary:
      'Who changed what, newest first (admin+); filters narrow, from inclusive, to exclusive',
  })
  @ApiPage('AuditEntryView')
  list(@Query() query: AuditLogQueryDto): Promise<Page<AuditEntryView>> {
    return this.log.list(query);
  }
}

import { HttpCode, Param, ParseUUIDPipe, Post, Query, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto, Role } from '@navaia/shared';
import { MinRole } from '../../common/auth/decorators';
import { ApiErrors, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { TenantDb } from '../../common/database/tenant-db';
import { CommonErrors } from '../../common/errors/app.exception';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { WebhookEvent } from './webhook-event.entity';
import { WebhookInboxService } from './webhook-inbox.service';
import { WebhookErrors } from './webhooks.exception';

class WebhookEventQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['received', 'processed', 'unmatched', 'failed'], {
    message: 'status must be received, processed, unmatched or failed',
  })
  status?: WebhookEvent['status'];
}

/** What arrived from providers and what became of it. */
@ApiTags('webhooks')
@TenantScopedController('webhooks/events')
@MinRole(Role.Admin)
export class WebhookEventsController {
  constructor(
    private readonly inbox: WebhookInboxService,
    private readonly db: TenantDb,
    private readonly context: TenantContext,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'The inbox: a tenant’s own events; unmatched ones (no tenant) only for platform operators',
  })
  @ApiPage('WebhookEventView')
  async list(@Query() query: WebhookEventQueryDto) {
    if (query.status === 'unmatched') {
      await this.assertPlatformOperator();
      const limit = query.limit ?? 25;
      const rows = await this.inbox.listUnmatched(query.cursor, limit + 1);
      const data = rows.slice(0, limit);
      return {
        data: data.map(summary),
        nextCursor: rows.length > limit ? data[data.length - 1].id : null,
      };
    }
    const qb = this.db.repo(WebhookEvent).createQueryBuilder('e');
    if (query.status) qb.where('e.status = :status', { status: query.status });
    const page = await keysetPage(qb, query, [
      { column: 'e.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: page.data.map(summary), nextCursor: page.nextCursor };
  }

  @Post(':id/reprocess')
  @HttpCode(202)
  @ApiOperation({ summary: 'Process an event again (after a tenant’s settings were fixed)' })
  @ApiOk(
    {
      type: 'object',
      required: ['queued'],
      properties: { queued: { type: 'boolean', enum: [true] } },
    },
    'Queued for processing',
  )
  @ApiErrors(503)
  async reprocess(@Param('id', ParseUUIDPipe) id: string) {
    let event = await this.db.repo(WebhookEvent).findOneBy({ id });
    if (!event) {
      // Unmatched events belong to no tenant: only platform operators may touch them.
      event = (await this.inbox.get(id)) ?? null;
      if (!event || event.tenantId || !(await this.isPlatformOperator()))
        throw WebhookErrors.eventNotFound();
    }
    await this.inbox.enqueue(id, event.provider, Date.now());
    return { queued: true };
  }

  /** Granted explicitly with `npm run operator`; an email address proves nothing. */
  private async isPlatformOperator(): Promise<boolean> {
    const principal = this.context.principal;
    if (principal.type !== 'user') return false;
    const [row]: { operator: boolean }[] = await this.db.manager.query(
      'SELECT auth_is_platform_operator($1) AS operator',
      [principal.id],
    );
    return row?.operator === true;
  }

  private async assertPlatformOperator(): Promise<void> {
    if (!(await this.isPlatformOperator()))
      throw CommonErrors.forbidden('Only platform operators see unmatched events');
  }
}

function summary(e: WebhookEvent) {
  return {
    id: e.id,
    provider: e.provider,
    type: e.type,
    externalId: e.externalId,
    status: e.status,
    attempts: e.attempts,
    error: e.error,
    voiceSessionId: e.voiceSessionId,
    receivedAt: e.receivedAt.toISOString(),
    processedAt: e.processedAt?.toISOString() ?? null,
  };
}

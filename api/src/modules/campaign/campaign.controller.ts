import {
  Body,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddRecipientsDto,
  AddRecipientsResult,
  CampaignLaunchView,
  CampaignListQueryDto,
  CampaignStats,
  CampaignView,
  CreateCampaignDto,
  ImportRecipientsDto,
  ImportRecipientsResult,
  Page,
  RecipientListQueryDto,
  RecipientView,
  Role,
  UpdateCampaignDto,
} from '@navaia/shared';
import { ApiKeyScope, MinRole } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { CampaignEventFeed } from './campaign-event-feed';
import { CampaignLaunch } from './campaign-launch';
import { CampaignService } from './campaign.service';
import { RecipientImport } from './recipient-import';
import { StreamSlots } from './stream-slots';

@ApiTags('campaigns')
@TenantScopedController('campaigns')
export class CampaignController {
  constructor(
    private readonly campaigns: CampaignService,
    private readonly launch: CampaignLaunch,
    private readonly context: TenantContext,
    private readonly importer: RecipientImport,
    private readonly feed: CampaignEventFeed,
    private readonly streamSlots: StreamSlots,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Campaigns, newest first, each with its progress' })
  @ApiPage('CampaignView')
  list(@Query() query: CampaignListQueryDto): Promise<Page<CampaignView>> {
    return this.campaigns.list(query);
  }

  @Post()
  @MinRole(Role.Admin)
  @Idempotent()
  @ApiOperation({
    summary:
      'Create a campaign (draft), optionally with its audience (one of customerIds, filter or csv, as the recipient routes take them) and `start`, in one transaction: a failing step creates nothing; an audience nobody of which can be added is a 422 with its report',
  })
  @ApiBodyDto(CreateCampaignDto)
  @ApiOk('CampaignLaunchView')
  @ApiErrors(413, 422)
  create(@Body() dto: CreateCampaignDto): Promise<CampaignLaunchView> {
    return this.launch.create(dto);
  }

  // Declared before the `:id` routes; a static segment wins over a parameter anyway.
  @Post('recipients/check')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Check a CSV audience without writing anything: the report an import into a new campaign would give (rows added, customers created or updated, rejected rows and why)',
  })
  @ApiBodyDto(ImportRecipientsDto)
  @ApiOk('ImportRecipientsResult')
  checkRecipients(@Body() dto: ImportRecipientsDto): Promise<ImportRecipientsResult> {
    return this.importer.check(dto.csv);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign with its progress' })
  @ApiOk('CampaignView')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.view(id);
  }

  @Patch(':id')
  @MinRole(Role.Admin)
  @ApiOperation({ summary: 'Change a campaign; only while draft or paused (409 otherwise)' })
  @ApiBodyDto(UpdateCampaignDto)
  @ApiOk('CampaignView')
  @ApiErrors(409)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCampaignDto,
  ): Promise<CampaignView> {
    return this.campaigns.update(id, dto);
  }

  @Delete(':id')
  @MinRole(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a campaign that is not dialing (cancel it first)' })
  @ApiNoContent('Deleted')
  @ApiErrors(409)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.campaigns.remove(id);
  }

  @Post(':id/recipients')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Add customers by id or by filter (tag, search, all); do-not-call, repeated and present ones are skipped and counted',
  })
  @ApiBodyDto(AddRecipientsDto)
  @ApiOk('AddRecipientsResult')
  @ApiErrors(409)
  addRecipients(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: AddRecipientsDto,
  ): Promise<AddRecipientsResult> {
    return this.campaigns.addRecipients(id, dto);
  }

  @Post(':id/recipients/import')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Import a CSV audience: customers created or updated by phone and added, extra columns as variables, a report per rejected row',
  })
  @ApiBodyDto(ImportRecipientsDto)
  @ApiOk('ImportRecipientsResult')
  @ApiErrors(409)
  importRecipients(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ImportRecipientsDto,
  ): Promise<ImportRecipientsResult> {
    return this.importer.import(id, dto.csv);
  }

  @Get(':id/recipients')
  @ApiOperation({ summary: 'The recipients, with status, attempts and next attempt time' })
  @ApiPage('RecipientView')
  recipients(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: RecipientListQueryDto,
  ): Promise<Page<RecipientView>> {
    return this.campaigns.recipients(id, query);
  }

  @Delete(':id/recipients/:customerId')
  @MinRole(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Take a customer out of the campaign (409 while being called)' })
  @ApiNoContent('Removed')
  @ApiErrors(409)
  removeRecipient(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('customerId', ParseUUIDPipe) customerId: string,
  ): Promise<void> {
    return this.campaigns.removeRecipient(id, customerId);
  }

  @Post(':id/start')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Start now, or schedule for scheduledAt; 422 without recipients' })
  @ApiOk('CampaignView')
  @ApiErrors(409, 422)
  start(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.start(id);
  }

  @Post(':id/pause')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop dialing (calls in progress finish)' })
  @ApiOk('CampaignView')
  @ApiErrors(409)
  pause(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.pause(id);
  }

  @Post(':id/resume')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Dial again after a pause' })
  @ApiOk('CampaignView')
  @ApiErrors(409)
  resume(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.resume(id);
  }

  @Post(':id/cancel')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'End the campaign: no new calls, waiting recipients cancelled' })
  @ApiOk('CampaignView')
  @ApiErrors(409)
  cancel(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignView> {
    return this.campaigns.cancel(id);
  }

  @Get(':id/stats')
  @ApiOperation({
    summary: 'Recipients by status, calls placed and answered, records and revenue produced',
  })
  @ApiOk('CampaignStats')
  stats(@Param('id', ParseUUIDPipe) id: string): Promise<CampaignStats> {
    return this.campaigns.stats(id);
  }

  @Get(':id/events')
  @ApiOperation({
    summary:
      'Live progress (server-sent events): the campaign and its stats whenever they change, while it is scheduled, running or paused; 429 past the open streams allowed per user or tenant',
  })
  @ApiOk(
    { type: 'string', example: 'data: {"campaign":{…},"stats":{…}}\n\n' },
    'An event stream',
    'text/event-stream',
  )
  @ApiErrors(429)
  async events(@Param('id', ParseUUIDPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    // 404 and 429 answered normally, inside the request's transaction; the stream then lives
    // on its own, fed by the campaign's shared feed.
    await this.campaigns.get(id);
    const slot = await this.streamSlots.acquire(this.context.principal);
    const out = reply.raw;
    reply.hijack();
    out.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    const unsubscribe = this.feed.subscribe(this.context.tenantId, id, {
      write: (frame) => out.write(frame),
      end: () => out.end(),
    });
    const close = () => {
      unsubscribe();
      slot.release();
    };
    if (out.destroyed) close();
    else out.on('close', close);
  }
}

@ApiTags('customers')
@TenantScopedController('customers/:customerId/campaigns')
// The customer is only the filter: what is read is campaigns.
@ApiKeyScope('campaigns')
export class CustomerCampaignController {
  constructor(private readonly campaigns: CampaignService) {}

  @Get()
  @ApiOperation({ summary: 'The campaigns a customer is a recipient of' })
  @ApiPage('CampaignView')
  list(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Query() query: CampaignListQueryDto,
  ): Promise<Page<CampaignView>> {
    return this.campaigns.listOfCustomer(customerId, query);
  }
}

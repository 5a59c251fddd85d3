import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BulkCallDto,
  BulkCallResult,
  CallDetailView,
  CallListQueryDto,
  CallView,
  CreateCallDto,
  CustomerCallDto,
  Page,
} from '@navaia/shared';
import { ApiKeyScope } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { CallService } from './call.service';

@ApiTags('calls')
@TenantScopedController('calls')
export class CallController {
  constructor(private readonly calls: CallService) {}

  @Get()
  @ApiOperation({ summary: 'Phone calls, newest first; filters take comma-separated values' })
  @ApiPage('CallView')
  list(@Query() query: CallListQueryDto): Promise<Page<CallView>> {
    return this.calls.list(query);
  }

  @Post()
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary:
      'Have the AI agent call a customer: 202 with the queued call; 422 for do-not-call, an undiallable phone or outside the calling hours in the customer’s time zone (outside_calling_window, with their local time and the next allowed time; `override: true` calls anyway and is audited), 429 past the daily cap',
  })
  @ApiBodyDto(CreateCallDto)
  @ApiOk('CallView', 'The call, queued')
  @ApiErrors(404, 422, 429, 503)
  create(@Body() dto: CreateCallDto): Promise<CallView> {
    return this.calls.place(dto.customerId, dto.purpose, dto.override);
  }

  @Post('bulk')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary:
      'Call up to 500 customers: each accepted or rejected with a reason (outside_calling_window outside the calling hours in their time zone, unless `override: true`, audited per call); rate limited per tenant (429 + Retry-After)',
  })
  @ApiBodyDto(BulkCallDto)
  @ApiOk('BulkCallResult', 'Each customer accepted (the queued call) or rejected with a reason')
  @ApiErrors(429, 503)
  bulk(@Body() dto: BulkCallDto): Promise<BulkCallResult> {
    return this.calls.bulk(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A call with its status timeline, conversation and outcome' })
  @ApiOk('CallDetailView')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CallDetailView> {
    return this.calls.detail(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a call that has not been dialled yet (409 otherwise)' })
  @ApiOk('CallView')
  @ApiErrors(409)
  cancel(@Param('id', ParseUUIDPipe) id: string): Promise<CallView> {
    return this.calls.cancel(id);
  }
}

@ApiTags('customers')
@TenantScopedController('customers/:customerId')
// The customer is only the subject: what is placed or read is calls.
@ApiKeyScope('calls')
export class CustomerCallController {
  constructor(private readonly calls: CallService) {}

  @Post('call')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary:
      'Have the AI agent call this customer now: 202 with the queued call; 422 outside_calling_window outside the calling hours in their time zone (with their local time and the next allowed time) unless `override: true`, which is audited',
  })
  @ApiBodyDto(CustomerCallDto)
  @ApiOk('CallView', 'The call, queued')
  @ApiErrors(404, 422, 429, 503)
  call(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Body() dto: CustomerCallDto,
  ): Promise<CallView> {
    return this.calls.place(customerId, dto.purpose, dto.override);
  }

  @Get('calls')
  @ApiOperation({ summary: 'The calls of one customer' })
  @ApiPage('CallView')
  async list(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Query() query: CallListQueryDto,
  ): Promise<Page<CallView>> {
    return this.calls.listOfCustomer(customerId, query);
  }
}

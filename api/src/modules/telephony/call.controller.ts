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
import { ApiBodyDto } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { CallService } from './call.service';

@ApiTags('calls')
@TenantScopedController('calls')
export class CallController {
  constructor(private readonly calls: CallService) {}

  @Get()
  @ApiOperation({ summary: 'Phone calls, newest first; filters take comma-separated values' })
  list(@Query() query: CallListQueryDto): Promise<Page<CallView>> {
    return this.calls.list(query);
  }

  @Post()
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary:
      'Have the AI agent call a customer: 202 with the queued call; 422 for do-not-call or an undiallable phone, 429 past the daily cap',
  })
  @ApiBodyDto(CreateCallDto)
  create(@Body() dto: CreateCallDto): Promise<CallView> {
    return this.calls.place(dto.customerId, dto.purpose);
  }

  @Post('bulk')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({
    summary:
      'Call up to 500 customers: each accepted or rejected with a reason; rate limited per tenant (429 + Retry-After)',
  })
  @ApiBodyDto(BulkCallDto)
  bulk(@Body() dto: BulkCallDto): Promise<BulkCallResult> {
    return this.calls.bulk(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A call with its status timeline, conversation and outcome' })
  get(@Param('id', ParseUUIDPipe) id: string): Promise<CallDetailView> {
    return this.calls.detail(id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw a call that has not been dialled yet (409 otherwise)' })
  cancel(@Param('id', ParseUUIDPipe) id: string): Promise<CallView> {
    return this.calls.cancel(id);
  }
}

@ApiTags('customers')
@TenantScopedController('customers/:customerId')
export class CustomerCallController {
  constructor(private readonly calls: CallService) {}

  @Post('call')
  @HttpCode(202)
  @Idempotent()
  @ApiOperation({ summary: 'Have the AI agent call this customer now: 202 with the queued call' })
  @ApiBodyDto(CustomerCallDto)
  call(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Body() dto: CustomerCallDto,
  ): Promise<CallView> {
    return this.calls.place(customerId, dto.purpose);
  }

  @Get('calls')
  @ApiOperation({ summary: 'The calls of one customer' })
  async list(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Query() query: CallListQueryDto,
  ): Promise<Page<CallView>> {
    return this.calls.listOfCustomer(customerId, query);
  }
}

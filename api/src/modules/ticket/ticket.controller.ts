import { Body, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateTicketDto,
  Page,
  TicketListQueryDto,
  TicketView,
  UpdateTicketDto,
} from '@navaia/shared';
import { ApiKeyScope } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { TicketService } from './ticket.service';

@ApiTags('tickets')
@TenantScopedController('tickets')
export class TicketController {
  constructor(private readonly tickets: TicketService) {}

  @Get()
  @ApiOperation({ summary: 'Tickets, newest first; filters take comma-separated values' })
  @ApiPage('TicketView')
  list(@Query() query: TicketListQueryDto): Promise<Page<TicketView>> {
    return this.tickets.list(query);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Open a ticket (source: manual) with the next number of the tenant' })
  @ApiBodyDto(CreateTicketDto)
  @ApiOk('TicketView')
  @ApiErrors(404)
  create(@Body() dto: CreateTicketDto): Promise<TicketView> {
    return this.tickets.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One ticket' })
  @ApiOk('TicketView')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<TicketView> {
    return this.tickets.view(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a ticket or move its status (409 naming the allowed moves)' })
  @ApiBodyDto(UpdateTicketDto)
  @ApiOk('TicketView')
  @ApiErrors(409)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateTicketDto,
  ): Promise<TicketView> {
    return this.tickets.update(id, dto);
  }
}

@ApiTags('customers')
@TenantScopedController('customers/:customerId/tickets')
// The customer is only the filter: what is read is tickets.
@ApiKeyScope('tickets')
export class CustomerTicketController {
  constructor(private readonly tickets: TicketService) {}

  @Get()
  @ApiOperation({ summary: 'The tickets of one customer' })
  @ApiPage('TicketView')
  list(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Query() query: TicketListQueryDto,
  ): Promise<Page<TicketView>> {
    return this.tickets.listOfCustomer(customerId, query);
  }
}

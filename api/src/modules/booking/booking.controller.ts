import { Body, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  BookingListQueryDto,
  BookingView,
  CreateBookingDto,
  Page,
  UpdateBookingDto,
} from '@navaia/shared';
import { ApiKeyScope } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { BookingService } from './booking.service';

@ApiTags('bookings')
@TenantScopedController('bookings')
export class BookingController {
  constructor(private readonly bookings: BookingService) {}

  @Get()
  @ApiOperation({ summary: 'Bookings by start time (latest first, or `order=asc`)' })
  @ApiPage('BookingView')
  list(@Query() query: BookingListQueryDto): Promise<Page<BookingView>> {
    return this.bookings.list(query);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Book a service for a customer (status pending)' })
  @ApiBodyDto(CreateBookingDto)
  @ApiOk('BookingView')
  @ApiErrors(404)
  create(@Body() dto: CreateBookingDto): Promise<BookingView> {
    return this.bookings.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One booking' })
  @ApiOk('BookingView')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<BookingView> {
    return this.bookings.view(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a booking or move its status (409 naming the allowed moves)' })
  @ApiBodyDto(UpdateBookingDto)
  @ApiOk('BookingView')
  @ApiErrors(409)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateBookingDto,
  ): Promise<BookingView> {
    return this.bookings.update(id, dto);
  }
}

@ApiTags('customers')
@TenantScopedController('customers/:customerId/bookings')
// The customer is only the filter: what is read is bookings.
@ApiKeyScope('bookings')
export class CustomerBookingController {
  constructor(private readonly bookings: BookingService) {}

  @Get()
  @ApiOperation({ summary: 'The bookings of one customer' })
  @ApiPage('BookingView')
  list(
    @Param('customerId', ParseUUIDPipe) customerId: string,
    @Query() query: BookingListQueryDto,
  ): Promise<Page<BookingView>> {
    return this.bookings.listOfCustomer(customerId, query);
  }
}

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
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateCustomerDto,
  CustomerListQueryDto,
  CustomerView,
  Page,
  UpdateCustomerDto,
} from '@navaia/shared';
import { Idempotent } from '../../common/idempotency/idempotency.interceptor';
import { ApiBodyDto, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { CustomerService } from './customer.service';

@ApiTags('customers')
@TenantScopedController('customers')
export class CustomerController {
  constructor(private readonly customers: CustomerService) {}

  @Get()
  @ApiOperation({ summary: 'Customers, newest first; search matches name, email and phone' })
  @ApiPage('CustomerView')
  list(@Query() query: CustomerListQueryDto): Promise<Page<CustomerView>> {
    return this.customers.list(query);
  }

  @Post()
  @Idempotent()
  @ApiOperation({ summary: 'Add a customer; the phone is normalised to E.164 and unique' })
  @ApiBodyDto(CreateCustomerDto)
  @ApiOk('CustomerView')
  @ApiErrors(409)
  create(@Body() dto: CreateCustomerDto): Promise<CustomerView> {
    return this.customers.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One customer' })
  @ApiOk('CustomerView')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<CustomerView> {
    return this.customers.view(id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a customer; null clears an optional field' })
  @ApiBodyDto(UpdateCustomerDto)
  @ApiOk('CustomerView')
  @ApiErrors(409)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCustomerDto,
  ): Promise<CustomerView> {
    return this.customers.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a customer together with their tickets and bookings' })
  @ApiNoContent()
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.customers.remove(id);
  }
}

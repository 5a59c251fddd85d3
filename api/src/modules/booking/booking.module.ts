import { Module } from '@nestjs/common';
import { CustomerModule } from '../customer/customer.module';
import { OutgoingWebhooksModule } from '../outgoing-webhooks/outgoing-webhooks.module';
import { BookingController, CustomerBookingController } from './booking.controller';
import { BookingService } from './booking.service';

@Module({
  imports: [CustomerModule, OutgoingWebhooksModule],
  controllers: [BookingController, CustomerBookingController],
  providers: [BookingService],
  exports: [BookingService],
})
export class BookingModule {}

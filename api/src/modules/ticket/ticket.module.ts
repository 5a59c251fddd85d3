import { Module } from '@nestjs/common';
import { CustomerModule } from '../customer/customer.module';
import { OutgoingWebhooksModule } from '../outgoing-webhooks/outgoing-webhooks.module';
import { TenantModule } from '../tenant/tenant.module';
import { CustomerTicketController, TicketController } from './ticket.controller';
import { TicketService } from './ticket.service';

@Module({
  imports: [CustomerModule, TenantModule, OutgoingWebhooksModule],
  controllers: [TicketController, CustomerTicketController],
  providers: [TicketService],
  exports: [TicketService],
})
export class TicketModule {}

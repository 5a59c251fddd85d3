import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { TicketsList } from '../../../features/tickets/components/tickets-list';
import { usePageTitle } from '../page-title';

export default function TicketsRoute() {
  usePageTitle('Tickets');
  return <TicketsList CustomerSelect={CustomerSelect} />;
}

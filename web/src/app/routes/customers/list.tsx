import { CallButton } from '../../../features/calls/components/call-button';
import { CustomersList } from '../../../features/customers/components/customers-list';
import { usePageTitle } from '../page-title';

export default function CustomersRoute() {
  usePageTitle('Customers');
  return <CustomersList rowAction={(customer) => <CallButton customer={customer} size="xs" />} />;
}

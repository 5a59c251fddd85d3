import { CustomersList } from '../../../features/customers/components/customers-list';
import { usePageTitle } from '../page-title';

export default function CustomersRoute() {
  usePageTitle('Customers');
  return <CustomersList />;
}

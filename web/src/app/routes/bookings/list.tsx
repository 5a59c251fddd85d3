import { BookingsPage } from '../../../features/bookings/components/bookings-page';
import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { usePageTitle } from '../page-title';

export default function BookingsRoute() {
  usePageTitle('Bookings');
  return <BookingsPage CustomerSelect={CustomerSelect} />;
}

import { CallsList } from '../../../features/calls/components/calls-list';
import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { usePageTitle } from '../page-title';

export default function CallsRoute() {
  usePageTitle('Calls');
  return <CallsList CustomerSelect={CustomerSelect} />;
}

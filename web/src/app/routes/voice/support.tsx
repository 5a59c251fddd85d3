import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { SupportAgent } from '../../../features/voice/components/support-agent';
import { usePageTitle } from '../page-title';

export default function SupportAgentRoute() {
  usePageTitle('Support agent');
  return <SupportAgent CustomerSelect={CustomerSelect} />;
}

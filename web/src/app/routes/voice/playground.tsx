import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { VoicePlayground } from '../../../features/voice/components/voice-playground';
import { usePageTitle } from '../page-title';

export default function VoicePlaygroundRoute() {
  usePageTitle('Playground');
  return <VoicePlayground CustomerSelect={CustomerSelect} />;
}

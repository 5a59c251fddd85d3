import { VoiceSessionsList } from '../../../features/voice/components/voice-sessions-list';
import { usePageTitle } from '../page-title';

export default function VoiceSessionsRoute() {
  usePageTitle('Conversations');
  return <VoiceSessionsList />;
}

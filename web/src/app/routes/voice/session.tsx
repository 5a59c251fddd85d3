import { useParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/ui/query-states';
import { useVoiceSession } from '../../../features/voice/api/get-voice-session';
import { VoiceSessionDetail } from '../../../features/voice/components/voice-session-detail';
import { isApiError } from '../../../lib/api-client';
import { usePageTitle } from '../page-title';

export default function VoiceSessionRoute() {
  const { sessionId = '' } = useParams();
  const session = useVoiceSession(sessionId);
  usePageTitle(
    session.data?.customer
      ? `Conversation with ${session.data.customer.displayName}`
      : 'Conversation',
  );

  if (session.isPending) return <LoadingState label="Loading the conversation" />;
  if (session.isError) {
    // The API answers 400 for an id that is not a UUID, 404 for one it does not know.
    return isApiError(session.error) &&
      (session.error.status === 404 || session.error.status === 400) ? (
      <NotFoundState
        title="This conversation does not exist"
        backTo="/voice/sessions"
        backLabel="All conversations"
      />
    ) : (
      <ErrorState
        error={session.error}
        title="Could not load the conversation"
        onRetry={() => void session.refetch()}
      />
    );
  }
  return <VoiceSessionDetail session={session.data} />;
}

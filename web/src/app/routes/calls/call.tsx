import { useParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/ui/query-states';
import { useCall } from '../../../features/calls/api/get-call';
import { CallDetail } from '../../../features/calls/components/call-detail';
import { isApiError } from '../../../lib/api-client';
import { usePageTitle } from '../page-title';

export default function CallRoute() {
  const { callId = '' } = useParams();
  const call = useCall(callId);
  usePageTitle(call.data?.customer ? `Call to ${call.data.customer.displayName}` : 'Call');

  if (call.isPending) return <LoadingState label="Loading the call" />;
  if (call.isError) {
    // The API answers 400 for an id that is not a UUID, 404 for one it does not know.
    return isApiError(call.error) && (call.error.status === 404 || call.error.status === 400) ? (
      <NotFoundState title="This call does not exist" backTo="/calls" backLabel="All calls" />
    ) : (
      <ErrorState
        error={call.error}
        title="Could not load the call"
        onRetry={() => void call.refetch()}
      />
    );
  }
  return <CallDetail call={call.data} />;
}

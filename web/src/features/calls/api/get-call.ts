import { queryOptions, useQuery } from '@tanstack/react-query';
import { CallOutcome, isFinalCallStatus, type CallDetailView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { callsQueryKey } from './get-calls';

/** While a call is under way its status changes within seconds. */
export const LIVE_CALL_POLL_MS = 1000;
/**
 * A call that was picked up is turned into a transcript, summary and ticket or booking by the
 * post-call webhook, which arrives after the call has ended; until then it is asked again, a
 * little slower, for at most this long after the end.
 */
export const RESULT_POLL_MS = 2000;
export const RESULT_WAIT_MS = 120_000;

export function getCall(id: string, signal?: AbortSignal): Promise<CallDetailView> {
  return api.get<CallDetailView>(`/calls/${encodeURIComponent(id)}`, { signal });
}

/** Whether `call` is ended but its conversation has not been processed yet. */
export function awaitsResult(call: CallDetailView, now = Date.now()): boolean {
  const pickedUp = call.outcome === CallOutcome.Answered || call.outcome === CallOutcome.Voicemail;
  if (!pickedUp || call.voiceSession?.outcome) return false;
  const endedAt = call.endedAt ? Date.parse(call.endedAt) : now;
  return now - endedAt < RESULT_WAIT_MS;
}

export function callPollInterval(call: CallDetailView | undefined, now = Date.now()) {
  if (!call) return false;
  if (!isFinalCallStatus(call.status)) return LIVE_CALL_POLL_MS;
  return awaitsResult(call, now) ? RESULT_POLL_MS : false;
}

export function getCallQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...callsQueryKey(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getCall(id, signal),
    refetchInterval: (query) => callPollInterval(query.state.data),
    // The operator may glance at another tab while the phone rings; the call goes on.
    refetchIntervalInBackground: true,
  });
}

/** One call with its timeline and conversation, followed live until it is over. */
export function useCall(id: string, enabled = true) {
  return useQuery({ ...getCallQueryOptions(useTenantId(), id), enabled: enabled && !!id });
}

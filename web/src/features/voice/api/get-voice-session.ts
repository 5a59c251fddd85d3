import { queryOptions, useQuery } from '@tanstack/react-query';
import type { VoiceSessionView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { voiceSessionsQueryKey } from './get-voice-sessions';

export function getVoiceSession(id: string, signal?: AbortSignal): Promise<VoiceSessionView> {
  return api.get<VoiceSessionView>(`/voice/sessions/${encodeURIComponent(id)}`, { signal });
}

export function getVoiceSessionQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...voiceSessionsQueryKey(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getVoiceSession(id, signal),
  });
}

export function useVoiceSession(id: string) {
  return useQuery(getVoiceSessionQueryOptions(useTenantId(), id));
}

/** How often a finished conversation is asked for its outcome, and for how long. */
export const OUTCOME_POLL_INTERVAL_MS = 700;
export const OUTCOME_POLL_TIMEOUT_MS = 60_000;

/**
 * The session of a conversation that has just ended, asked again until the backend has turned
 * it into an outcome (the post-call webhook is processed in the background) or `polling` is
 * switched off.
 */
export function useVoiceSessionOutcome(id: string, polling: boolean) {
  return useQuery({
    ...getVoiceSessionQueryOptions(useTenantId(), id),
    refetchInterval: (query) =>
      polling && !query.state.data?.outcome ? OUTCOME_POLL_INTERVAL_MS : false,
    // The operator watches this card; a background tab should still see the result arrive.
    refetchIntervalInBackground: true,
  });
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, VoiceOutcome, VoicePurpose, VoiceSessionView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const VOICE_SESSIONS_PAGE_SIZE = 25;

export interface VoiceSessionFilters {
  outcome?: VoiceOutcome;
  purpose?: VoicePurpose;
  customerId?: string;
}

export interface GetVoiceSessionsParams extends VoiceSessionFilters {
  limit?: number;
  cursor?: string | null;
}

export function getVoiceSessions(
  { limit = VOICE_SESSIONS_PAGE_SIZE, ...params }: GetVoiceSessionsParams = {},
  signal?: AbortSignal,
): Promise<Page<VoiceSessionView>> {
  return api.get<Page<VoiceSessionView>>('/voice/sessions', {
    query: { limit, ...params },
    signal,
  });
}

/** The prefix of every voice-session query of a tenant; mutations invalidate through it. */
export function voiceSessionsQueryKey(tenantId: string) {
  return queryRoots.voiceSessions(tenantId);
}

export function getVoiceSessionsQueryOptions(
  tenantId: string,
  params: GetVoiceSessionsParams = {},
) {
  return queryOptions({
    queryKey: [...voiceSessionsQueryKey(tenantId), 'list', params] as const,
    queryFn: ({ signal }) => getVoiceSessions(params, signal),
  });
}

/** One page, newest first; the previous page stays on screen while the next one loads. */
export function useVoiceSessions(params: GetVoiceSessionsParams) {
  return useQuery({
    ...getVoiceSessionsQueryOptions(useTenantId(), params),
    placeholderData: keepPreviousData,
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateVoiceSessionDto, StartVoiceSessionResponse } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { voiceSessionsQueryKey } from './get-voice-sessions';

export type StartVoiceSessionBody = CreateVoiceSessionDto;

/**
 * A session row and the credentials to reach the agent: a signed URL (ElevenLabs, valid for
 * minutes, so it is asked for right before connecting) or a simulator conversation.
 */
export function startVoiceSession(body: StartVoiceSessionBody): Promise<StartVoiceSessionResponse> {
  return api.post<StartVoiceSessionResponse>('/voice/sessions', body);
}

export function useStartVoiceSession() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: startVoiceSession,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceSessionsQueryKey(tenantId) }),
  });
}

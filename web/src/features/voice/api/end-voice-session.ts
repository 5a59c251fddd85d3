import { useMutation } from '@tanstack/react-query';
import type { VoiceSessionView } from '@navaia/shared';
import { api } from '../../../lib/api-client';

/** Hangs up a simulated conversation; the post-call processing follows in the background. */
export function endVoiceSession(id: string): Promise<VoiceSessionView> {
  return api.post<VoiceSessionView>(`/voice/sessions/${encodeURIComponent(id)}/end`);
}

export function useEndVoiceSession() {
  return useMutation({ mutationFn: endVoiceSession });
}

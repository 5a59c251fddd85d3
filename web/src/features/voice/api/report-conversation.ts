import { useMutation } from '@tanstack/react-query';
import type { ReportConversationDto, VoiceSessionView } from '@navaia/shared';
import { api } from '../../../lib/api-client';

/**
 * Tells the API which ElevenLabs conversation a browser session became, so the post-call
 * webhook (which carries only the conversation id) finds its session.
 */
export function reportConversation(
  id: string,
  body: ReportConversationDto,
): Promise<VoiceSessionView> {
  return api.patch<VoiceSessionView>(`/voice/sessions/${encodeURIComponent(id)}`, body);
}

export function useReportConversation() {
  return useMutation({
    mutationFn: ({ id, conversationId }: { id: string; conversationId: string }) =>
      reportConversation(id, { conversationId }),
    // The id also reaches the API through the session's dynamic variables; one retry covers a
    // dropped request without keeping a finished call busy.
    retry: 1,
  });
}

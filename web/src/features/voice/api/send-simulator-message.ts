import { useMutation } from '@tanstack/react-query';
import type { SimulatorMessageDto, SimulatorReply } from '@navaia/shared';
import { api } from '../../../lib/api-client';

/** Says something to the simulated agent; the reply starts with the echoed user line. */
export function sendSimulatorMessage(
  id: string,
  body: SimulatorMessageDto,
): Promise<SimulatorReply> {
  return api.post<SimulatorReply>(`/voice/sessions/${encodeURIComponent(id)}/messages`, body);
}

export function useSendSimulatorMessage() {
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) => sendSimulatorMessage(id, { text }),
  });
}

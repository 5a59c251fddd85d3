import { Paper } from '@mantine/core';
import type { StartVoiceSessionResponse } from '@navaia/shared';
import { lazy, Suspense } from 'react';
import { LoadingState } from '../../../components/ui/query-states';
import { SimulatorConversation } from './simulator-conversation';

// The ElevenLabs SDK (audio worklets, WebRTC) loads only when a real call starts.
const ElevenLabsCall = lazy(() => import('./elevenlabs-call'));

/** How a call ended: one that never connected has nothing for the backend to process. */
export interface CallEnd {
  connected: boolean;
}

export interface ConversationPanelProps {
  start: StartVoiceSessionResponse;
  /** True once the call is over (the agent or the operator hung up). */
  ended: boolean;
  onEnded: (end: CallEnd) => void;
}

/** The live conversation: a text chat with the simulator, or a voice call with ElevenLabs. */
export function ConversationPanel({ start, ended, onEnded }: ConversationPanelProps) {
  if (start.connection.provider === 'simulator') {
    // The simulated conversation exists as soon as the session does.
    return (
      <SimulatorConversation
        start={start}
        ended={ended}
        onEnded={() => onEnded({ connected: true })}
      />
    );
  }
  return (
    <Suspense
      fallback={
        <Paper withBorder p="md" radius="md">
          <LoadingState label="Preparing the call" />
        </Paper>
      }
    >
      <ElevenLabsCall start={start} ended={ended} onEnded={onEnded} />
    </Suspense>
  );
}

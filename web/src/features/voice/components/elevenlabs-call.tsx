import { Alert, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import {
  ConversationProvider,
  useConversation,
  type DisconnectionDetails,
} from '@elevenlabs/react';
import type { StartVoiceSessionResponse, TranscriptTurnView } from '@navaia/shared';
import { IconMicrophone, IconMicrophoneOff, IconPhoneOff, IconVolume } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useReportConversation } from '../api/report-conversation';
import type { CallEnd } from './conversation-panel';
import { Transcript } from '../../../components/ui/transcript';

/**
 * The ElevenLabs voice call. This module is the only one that imports the SDK and is loaded on
 * demand (React.lazy), so the SDK never weighs on the app's first load or the simulator.
 */
export interface ElevenLabsCallProps {
  start: StartVoiceSessionResponse;
  ended: boolean;
  onEnded: (end: CallEnd) => void;
}

type MicState = 'asking' | 'granted' | 'denied';

const STATUS_LABELS = {
  disconnected: 'Disconnected',
  connecting: 'Connecting…',
  connected: 'Connected',
  error: 'Error',
} as const;

const STATUS_COLORS = {
  disconnected: 'gray',
  connecting: 'yellow',
  connected: 'green',
  error: 'red',
} as const;

/** Why a call ended, for the person who was on it. */
function endedBecause(details: DisconnectionDetails): string | null {
  if (details.reason === 'error') return details.message || 'The connection was lost.';
  return null;
}

function Call({ start, ended, onEnded }: ElevenLabsCallProps) {
  const { session, connection, dynamicVariables } = start;
  const [turns, setTurns] = useState<TranscriptTurnView[]>([]);
  const [mic, setMic] = useState<MicState>('asking');
  const [error, setError] = useState<string | null>(null);
  const connectedAt = useRef<number | null>(null);
  const started = useRef(false);
  const report = useReportConversation();
  // Only a call that connected has a conversation for the backend to process.
  const finish = () => onEnded({ connected: connectedAt.current !== null });

  const conversation = useConversation({
    onConnect: ({ conversationId }) => {
      connectedAt.current = Date.now();
      // The post-call webhook names only the conversation; this links it to our session.
      report.mutate({ id: session.id, conversationId });
    },
    onMessage: ({ message, role }) => {
      if (!message) return;
      const since = connectedAt.current ?? Date.now();
      setTurns((current) => [
        ...current,
        { role, message, timeInCallSecs: Math.round((Date.now() - since) / 1000) },
      ]);
    },
    onDisconnect: (details) => {
      const reason = endedBecause(details);
      if (reason) setError(reason);
      finish();
    },
    onError: (message) => {
      setError(message);
      // Before connecting, an error means the call will not happen (the SDK reports a failed
      // start here and nowhere else); during a call, the SDK disconnects if it has to.
      if (connectedAt.current === null) finish();
    },
  });
  const { startSession, endSession } = conversation;

  useEffect(() => {
    // Once per mounted call, also under StrictMode's double effects; the provider ends the
    // session when the call unmounts.
    if (started.current || connection.provider !== 'elevenlabs') return;
    started.current = true;
    void (async () => {
      try {
        // Ask first, so a refusal is explained here instead of surfacing as a failed connection.
        const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
        stream.getTracks().forEach((track) => track.stop());
        setMic('granted');
      } catch {
        setMic('denied');
        setError('Microphone access was refused. Allow it in the browser and start again.');
        onEnded({ connected: false });
        return;
      }
      const credentials = connection.signedUrl
        ? { signedUrl: connection.signedUrl }
        : connection.conversationToken
          ? { conversationToken: connection.conversationToken }
          : null;
      if (!credentials) {
        setError('The server sent no credentials for the call.');
        onEnded({ connected: false });
        return;
      }
      startSession({ ...credentials, dynamicVariables });
    })();
  }, [connection, dynamicVariables, startSession, onEnded]);

  const { status, isSpeaking, isMuted, setMuted } = conversation;
  const live = !ended && status === 'connected';

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Conversation">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>Voice call</Text>
            <Badge variant="light" color={ended ? 'gray' : STATUS_COLORS[status]}>
              {ended ? 'Ended' : STATUS_LABELS[status]}
            </Badge>
          </Group>
          {!ended && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPhoneOff size={16} />}
              onClick={() => {
                endSession();
                finish();
              }}
            >
              End call
            </Button>
          )}
        </Group>
        <Group gap="lg">
          <Group gap={6} aria-label="Microphone">
            {mic === 'denied' || isMuted ? (
              <IconMicrophoneOff size={18} aria-hidden />
            ) : (
              <IconMicrophone size={18} aria-hidden />
            )}
            <Text size="sm">
              {mic === 'asking'
                ? 'Asking for the microphone…'
                : mic === 'denied'
                  ? 'Microphone blocked'
                  : isMuted
                    ? 'Microphone muted'
                    : 'Microphone on'}
            </Text>
          </Group>
          {live && (
            <Group gap={6} role="status" aria-live="polite">
              <IconVolume size={18} aria-hidden color={isSpeaking ? 'teal' : 'gray'} />
              <Text size="sm" c={isSpeaking ? 'teal' : 'dimmed'}>
                {isSpeaking ? 'Agent is speaking' : 'Listening…'}
              </Text>
            </Group>
          )}
          {live && (
            <Button size="xs" variant="default" onClick={() => setMuted(!isMuted)}>
              {isMuted ? 'Unmute' : 'Mute'}
            </Button>
          )}
        </Group>
        {turns.length > 0 ? (
          <Transcript turns={turns} live maxHeight={420} />
        ) : (
          <Text size="sm" c="dimmed">
            {ended ? 'Nothing was said.' : 'The transcript appears here as you talk.'}
          </Text>
        )}
        {error && (
          <Alert color="red" role="alert" title="Call problem">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

export default function ElevenLabsCall(props: ElevenLabsCallProps) {
  return (
    <ConversationProvider>
      <Call {...props} />
    </ConversationProvider>
  );
}

import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import {
  VoiceErrorCode,
  type StartVoiceSessionResponse,
  type TranscriptTurnView,
} from '@navaia/shared';
import { IconPhoneOff, IconSend } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { hasErrorCode } from '../../../lib/api-client';
import { describeError } from '../../../lib/form-errors';
import { useEndVoiceSession } from '../api/end-voice-session';
import { useSendSimulatorMessage } from '../api/send-simulator-message';
import { Transcript } from '../../../components/ui/transcript';
import { simulatorGreeting } from './voice-labels';

/** The API's answer once the conversation is over; then there is nothing left to say. */
const isEnded = (error: unknown) => hasErrorCode(error, VoiceErrorCode.ConversationEnded);

/**
 * A text conversation with the offline simulator, which plays the agent: type what a caller
 * would say, read its answers. The agent ends the call when it has what it needs, or the
 * operator hangs up; either way the backend then processes it like a real call.
 */
export function SimulatorConversation({
  start,
  ended,
  onEnded,
}: {
  start: StartVoiceSessionResponse;
  ended: boolean;
  onEnded: () => void;
}) {
  const sessionId = start.session.id;
  // The simulator keeps its greeting server-side and only answers what is said to it.
  const [turns, setTurns] = useState<TranscriptTurnView[]>(() => [
    {
      role: 'agent',
      message: simulatorGreeting(start.session.customer?.displayName),
      timeInCallSecs: 0,
    },
  ]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const send = useSendSimulatorMessage();
  const hangUp = useEndVoiceSession();
  const busy = send.isPending || hangUp.isPending;

  const onSend = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (!message || busy || ended) return;
    setError(null);
    send.mutate(
      { id: sessionId, text: message },
      {
        onSuccess: (reply) => {
          setTurns((current) => [...current, ...reply.turns]);
          setText('');
          if (reply.ended) onEnded();
          else requestAnimationFrame(() => input.current?.focus());
        },
        onError: (cause) => {
          if (isEnded(cause)) onEnded();
          else setError(describeError(cause));
        },
      },
    );
  };

  const onHangUp = () => {
    setError(null);
    hangUp.mutate(sessionId, {
      onSuccess: onEnded,
      onError: (cause) => {
        if (isEnded(cause)) onEnded();
        else setError(describeError(cause));
      },
    });
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Conversation">
      <Stack gap="md">
        <Group justify="space-between">
          <Group gap="xs">
            <Text fw={600}>Simulated call</Text>
            <Badge variant="light" color={ended ? 'gray' : 'green'}>
              {ended ? 'Ended' : 'Connected'}
            </Badge>
          </Group>
          {!ended && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconPhoneOff size={16} />}
              onClick={onHangUp}
              loading={hangUp.isPending}
              disabled={send.isPending}
            >
              Hang up
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed">
          The offline simulator plays the agent: type what the caller would say.
        </Text>
        <Transcript
          turns={turns}
          live
          maxHeight={420}
          pending={send.isPending ? 'The agent is answering…' : null}
        />
        {error && (
          <Alert color="red" role="alert" title="The message was not delivered">
            {error}
          </Alert>
        )}
        {!ended && (
          <form onSubmit={onSend} aria-label="Say something">
            <Group align="flex-end" gap="xs" wrap="nowrap">
              <TextInput
                ref={input}
                label="Your message"
                placeholder="Type what the caller says"
                value={text}
                onChange={(event) => setText(event.currentTarget.value)}
                maxLength={1000}
                disabled={hangUp.isPending}
                autoComplete="off"
                autoFocus
                style={{ flex: 1 }}
              />
              <Button
                type="submit"
                leftSection={<IconSend size={16} />}
                loading={send.isPending}
                disabled={!text.trim() || hangUp.isPending}
              >
                Send
              </Button>
            </Group>
          </form>
        )}
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../../../components/ui/query-states';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';
import { OUTCOME_POLL_TIMEOUT_MS, useVoiceSessionOutcome } from '../api/get-voice-session';
import { OutcomeResult } from './outcome-result';

/**
 * After the conversation: waits for the backend to turn it into a ticket or booking (the
 * post-call event is processed in the background), then says what happened.
 */
export function ConversationOutcome({
  sessionId,
  onStartAnother,
}: {
  sessionId: string;
  onStartAnother: () => void;
}) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  // Each "check again" starts a new round of polling with its own time limit.
  const [round, setRound] = useState(0);
  const [timedOut, setTimedOut] = useState(false);
  const session = useVoiceSessionOutcome(sessionId, !timedOut);
  const outcome = session.data?.outcome ?? null;

  useEffect(() => {
    if (outcome) return;
    const timer = setTimeout(() => setTimedOut(true), OUTCOME_POLL_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [outcome, round]);

  useEffect(() => {
    if (!outcome) return;
    // The backend created records on its own: lists, counts and the conversations table are stale.
    for (const root of [
      queryRoots.tickets,
      queryRoots.bookings,
      queryRoots.dashboard,
      queryRoots.voiceSessions,
    ]) {
      void queryClient.invalidateQueries({ queryKey: root(tenantId) });
    }
  }, [outcome, queryClient, tenantId]);

  const checkAgain = () => {
    setTimedOut(false);
    setRound((n) => n + 1);
    void session.refetch();
  };

  let body;
  if (outcome && session.data) {
    body = (
      <Stack gap="xs">
        <OutcomeResult session={session.data} size="lg" />
        {session.data.summary && <Text size="sm">{session.data.summary}</Text>}
      </Stack>
    );
  } else if (session.isError && !session.data) {
    body = (
      <ErrorState error={session.error} title="Could not load the result" onRetry={checkAgain} />
    );
  } else if (timedOut) {
    body = (
      <Alert color="yellow" icon={<IconClockPause size={18} />} title="No result yet">
        <Stack gap="xs">
          <Text size="sm">
            Processing is taking longer than usual. The result will appear on the conversation’s
            page when it is ready.
          </Text>
          <Group>
            <Button size="xs" variant="light" color="yellow" onClick={checkAgain}>
              Check again
            </Button>
          </Group>
        </Stack>
      </Alert>
    );
  } else {
    body = (
      <Group gap="sm" role="status" aria-label="Processing the conversation">
        <Loader size="sm" />
        <Text size="sm">Processing the conversation…</Text>
      </Group>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" aria-label="Outcome" component="section">
      <Stack gap="md">
        <Title order={2} size="h4">
          Outcome
        </Title>
        {body}
        <Group gap="sm">
          <Button onClick={onStartAnother}>Start another</Button>
          <Anchor component={Link} to={`/voice/sessions/${sessionId}`} size="sm">
            View conversation
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Role, type StartVoiceSessionResponse, type VoicePurpose } from '@navaia/shared';
import { IconLock } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { useHasRole } from '../../../lib/use-has-role';
import { ConversationOutcome } from './conversation-outcome';
import { ConversationPanel, type CallEnd } from './conversation-panel';
import { StartConversationForm } from './start-conversation-form';
import { VOICE_PURPOSE_LABELS } from './voice-labels';

type Stage =
  | { name: 'setup'; last?: { purpose: VoicePurpose; customer: EntityOption | null } }
  | { name: 'talking'; start: StartVoiceSessionResponse; end: CallEnd | null };

export interface VoiceConversationProps {
  /** The customer picker (the customers feature's, passed in by the route). */
  CustomerSelect: EntitySelect;
  /** Fixed purpose; without it the operator chooses support or sales. */
  purpose?: VoicePurpose;
  customerLabel?: string;
  customerDescription?: string;
}

/**
 * A whole conversation with the company's agent, from choosing who calls about what, through
 * the call, to what the backend made of it; "Start another" begins again.
 */
export function VoiceConversation({
  CustomerSelect,
  purpose,
  customerLabel = 'Talk as',
  customerDescription,
}: VoiceConversationProps) {
  const canTalk = useHasRole(Role.Agent);
  const [stage, setStage] = useState<Stage>({ name: 'setup' });
  const onEnded = useCallback(
    (end: CallEnd) =>
      setStage((current) =>
        current.name === 'talking' && !current.end ? { ...current, end } : current,
      ),
    [],
  );

  if (!canTalk) {
    return (
      <Alert color="gray" icon={<IconLock size={18} />} title="Agents only">
        Viewers can read past conversations but not start one.{' '}
        <Anchor component={Link} to="/voice/sessions">
          See the conversations
        </Anchor>
      </Alert>
    );
  }

  if (stage.name === 'setup') {
    return (
      <Paper withBorder p="md" radius="md">
        <StartConversationForm
          CustomerSelect={CustomerSelect}
          purpose={purpose}
          customerLabel={customerLabel}
          customerDescription={customerDescription}
          initial={stage.last}
          onStarted={(start) => setStage({ name: 'talking', start, end: null })}
        />
      </Paper>
    );
  }

  const { session } = stage.start;
  const startAnother = () =>
    setStage({
      name: 'setup',
      last: {
        purpose: session.purpose,
        customer: session.customer
          ? { id: session.customer.id, label: session.customer.displayName }
          : null,
      },
    });
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Badge variant="light">{VOICE_PURPOSE_LABELS[session.purpose] ?? session.purpose}</Badge>
        <Text size="sm" c="dimmed">
          {session.customer
            ? `Talking as ${session.customer.displayName}`
            : 'Talking as a new caller'}
        </Text>
      </Group>
      <ConversationPanel start={stage.start} ended={Boolean(stage.end)} onEnded={onEnded} />
      {stage.end?.connected && (
        <ConversationOutcome sessionId={session.id} onStartAnother={startAnother} />
      )}
      {stage.end && !stage.end.connected && (
        <Paper withBorder p="md" radius="md">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">The call did not connect, so there is nothing to process.</Text>
            <Button onClick={startAnother}>Start another</Button>
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

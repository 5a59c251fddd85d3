import { Alert, Button, Code, Group, Input, SegmentedControl, Stack, Text } from '@mantine/core';
import {
  CreateVoiceSessionDto,
  VoiceErrorCode,
  VoicePurpose,
  type StartVoiceSessionResponse,
} from '@navaia/shared';
import { IconPhoneCall, IconRobotOff } from '@tabler/icons-react';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { EntityOption, EntitySelect } from '../../../components/ui/entity-select';
import { FormAlert } from '../../../components/ui/form-alert';
import { hasErrorCode } from '../../../lib/api-client';
import { dtoResolver } from '../../../lib/dto-resolver';
import { useApiForm } from '../../../lib/use-api-form';
import { useStartVoiceSession, type StartVoiceSessionBody } from '../api/start-voice-session';
import { VOICE_PURPOSE_OPTIONS } from './voice-labels';

export interface StartConversationValues {
  purpose: VoicePurpose;
  customerId: string | null;
}

const toDto = (values: StartConversationValues): StartVoiceSessionBody => ({
  purpose: values.purpose,
  ...(values.customerId ? { customerId: values.customerId } : {}),
});

const resolver = dtoResolver<StartConversationValues>(CreateVoiceSessionDto, toDto);

/** The tenant has no ElevenLabs agent for this purpose: nothing to talk to until one is made. */
function AgentMissing({ message }: { message: string }) {
  return (
    <Alert
      color="orange"
      icon={<IconRobotOff size={18} />}
      title="No voice agent is set up"
      role="alert"
      data-testid="voice-agent-missing"
    >
      <Stack gap={6}>
        <Text size="sm">{message}</Text>
        <Text size="sm">
          To create the agents in your ElevenLabs account, run <Code>npm run voice:provision</Code>{' '}
          on the server, then start again.
        </Text>
      </Stack>
    </Alert>
  );
}

export interface StartConversationFormProps {
  CustomerSelect: EntitySelect;
  /** Fixed (the support agent's page); otherwise the operator picks. */
  purpose?: VoicePurpose;
  customerLabel: string;
  customerDescription?: string;
  /** The previous conversation's choices, so "Start another" does not begin from scratch. */
  initial?: { purpose: VoicePurpose; customer: EntityOption | null };
  onStarted: (start: StartVoiceSessionResponse) => void;
}

/** What the conversation is about and who is calling, then the call itself is asked for. */
export function StartConversationForm({
  CustomerSelect,
  purpose,
  customerLabel,
  customerDescription,
  initial,
  onStarted,
}: StartConversationFormProps) {
  const startSession = useStartVoiceSession();
  const [agentMissing, setAgentMissing] = useState<string | null>(null);
  const {
    control,
    submit,
    formError,
    formState: { isSubmitting },
  } = useApiForm<StartConversationValues>({
    resolver,
    defaultValues: {
      purpose: purpose ?? initial?.purpose ?? VoicePurpose.Support,
      customerId: initial?.customer?.id ?? null,
    },
    onSubmit: async (values) => {
      setAgentMissing(null);
      try {
        onStarted(await startSession.mutateAsync(toDto(values)));
      } catch (error) {
        if (hasErrorCode(error, VoiceErrorCode.AgentMissing)) {
          setAgentMissing(error.message);
          return;
        }
        throw error;
      }
    },
  });

  return (
    <form onSubmit={submit} noValidate aria-label="Start a conversation">
      <Stack gap="md">
        <FormAlert message={formError} />
        {agentMissing && <AgentMissing message={agentMissing} />}
        {!purpose && (
          <Controller
            control={control}
            name="purpose"
            render={({ field, fieldState }) => (
              <Input.Wrapper
                labelElement="div"
                label="Purpose"
                description="Which agent answers: support files tickets, sales books appointments."
                error={fieldState.error?.message}
              >
                <div>
                  <SegmentedControl
                    mt={4}
                    data={VOICE_PURPOSE_OPTIONS}
                    value={field.value}
                    onChange={(value) => field.onChange(value as VoicePurpose)}
                    name={field.name}
                    aria-label="Purpose"
                  />
                </div>
              </Input.Wrapper>
            )}
          />
        )}
        <div style={{ maxWidth: 420 }}>
          <Controller
            control={control}
            name="customerId"
            render={({ field, fieldState }) => (
              <CustomerSelect
                label={customerLabel}
                description={customerDescription}
                selected={initial?.customer}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={fieldState.error?.message}
              />
            )}
          />
        </div>
        <Group>
          <Button type="submit" leftSection={<IconPhoneCall size={16} />} loading={isSubmitting}>
            Start conversation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Stack } from '@mantine/core';
import type { EntitySelect } from '../../../components/ui/entity-select';
import { PageHeader } from '../../../components/ui/page-header';
import { VoiceConversation } from './voice-conversation';

/** Operators try the agents: either purpose, as any customer or as a new caller. */
export function VoicePlayground({ CustomerSelect }: { CustomerSelect: EntitySelect }) {
  return (
    <Stack gap="md">
      <PageHeader
        title="Playground"
        description="Talk to the AI voice agent. When the conversation ends, it becomes a ticket or a booking on its own."
      />
      <VoiceConversation
        CustomerSelect={CustomerSelect}
        customerLabel="Talk as"
        customerDescription="Optional. The agent greets them by name and files the ticket or booking for them; without a customer a browser call has no caller to file it for."
      />
    </Stack>
  );
}

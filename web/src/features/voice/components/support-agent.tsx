import { Stack } from '@mantine/core';
import { VoicePurpose } from '@navaia/shared';
import type { EntitySelect } from '../../../components/ui/entity-select';
import { PageHeader } from '../../../components/ui/page-header';
import { VoiceConversation } from './voice-conversation';

/** The support line as a customer hears it, for whoever tests the customer experience. */
export function SupportAgent({ CustomerSelect }: { CustomerSelect: EntitySelect }) {
  return (
    <Stack gap="md">
      <PageHeader
        title="Talk to our support agent"
        description="Call the support line as a customer would: describe a problem, and the agent files a ticket for the team."
      />
      <VoiceConversation
        CustomerSelect={CustomerSelect}
        purpose={VoicePurpose.Support}
        customerLabel="Calling as (optional)"
        customerDescription="Pick a customer to be greeted by name and to have the ticket filed for them; without one the call has no caller to file it for."
      />
    </Stack>
  );
}

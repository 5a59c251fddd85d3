import { Anchor, MultiSelect, Stack, Table, Text } from '@mantine/core';
import { RecipientStatus, zonePlaces, type CampaignView, type RecipientView } from '@navaia/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { LoadMore } from '../../../components/ui/load-more';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { isLiveCampaign, useRecipients } from '../api/get-campaigns';
import { RECIPIENT_STATUS_OPTIONS, RecipientStatusBadge } from './campaign-labels';

/** Everyone the campaign calls, where each stands, and the last call made to them. */
export function CampaignRecipients({ campaign }: { campaign: CampaignView }) {
  const { tenant } = useAuthenticatedSession();
  const [status, setStatus] = useState<RecipientStatus[]>([]);
  const recipients = useRecipients(campaign.id, status, isLiveCampaign(campaign.status));
  const rows = recipients.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (recipients.isPending) body = <LoadingState label="Loading recipients" />;
  else if (recipients.isError) {
    body = (
      <ErrorState
        error={recipients.error}
        title="Could not load the recipients"
        onRetry={() => void recipients.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={status.length ? 'No recipient has these statuses' : 'No recipients'} />
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={880}>
        <Table verticalSpacing="xs" aria-label="Recipients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Customer</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Local time zone</Table.Th>
              <Table.Th>Attempts</Table.Th>
              <Table.Th>Next attempt</Table.Th>
              <Table.Th>Last outcome</Table.Th>
              <Table.Th>Last call</Table.Th>
              <Table.Th>Produced</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody style={{ opacity: recipients.isPlaceholderData ? 0.6 : 1 }}>
            {rows.map((recipient) => (
              <Table.Tr key={recipient.customerId} data-testid="recipient-row">
                <Table.Td>
                  <Anchor component={Link} to={`/customers/${recipient.customerId}`} size="sm">
                    {recipient.customer?.displayName ?? 'Deleted customer'}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <RecipientStatusBadge status={recipient.status} />
                </Table.Td>
                <Table.Td>
                  {/* Several zones: the number's area spans a border; calls suit all of them. */}
                  <Text size="sm" title={recipient.timezones.join(', ')}>
                    {zonePlaces(recipient.timezones)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {recipient.attempts}/{campaign.maxAttempts}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatInZone(recipient.nextAttemptAt, tenant.timezone)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{recipient.lastOutcome ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  {recipient.lastCallId ? (
                    <Anchor component={Link} to={`/calls/${recipient.lastCallId}`} size="sm">
                      View call
                    </Anchor>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <ProducedRecord recipient={recipient} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="sm">
      <MultiSelect
        label="Recipient status"
        placeholder={status.length ? undefined : 'Any'}
        w={320}
        data={RECIPIENT_STATUS_OPTIONS}
        value={status}
        onChange={(value) => setStatus(value as RecipientStatus[])}
        clearable
      />
      {body}
      <LoadMore query={recipients} />
    </Stack>
  );
}

/** The ticket or booking the recipient's last call produced, as a link. */
function ProducedRecord({ recipient }: { recipient: RecipientView }) {
  if (recipient.ticketId)
    return (
      <Anchor component={Link} to={`/tickets/${recipient.ticketId}`} size="sm">
        Ticket
      </Anchor>
    );
  if (recipient.bookingId)
    return (
      <Anchor component={Link} to={`/bookings/${recipient.bookingId}`} size="sm">
        Booking
      </Anchor>
    );
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

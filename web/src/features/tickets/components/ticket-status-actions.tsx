import { nextStatuses, TICKET_TRANSITIONS, TicketStatus, type TicketView } from '@navaia/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { notifySuccess } from '../../../components/ui/notify';
import { StatusActionBar, type StatusAction } from '../../../components/ui/status-action-bar';
import { isApiError } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { describeError } from '../../../lib/form-errors';
import { getTicketQueryOptions } from '../api/get-ticket';
import { useUpdateTicket } from '../api/update-ticket';
import { TICKET_STATUS_ACTIONS, TICKET_STATUS_LABELS } from './ticket-labels';

const STYLE: Record<TicketStatus, Omit<StatusAction<TicketStatus>, 'status' | 'label'>> = {
  [TicketStatus.InProgress]: {},
  [TicketStatus.Resolved]: { color: 'green' },
  [TicketStatus.Open]: { variant: 'default' },
  [TicketStatus.Closed]: {
    color: 'gray',
    variant: 'light',
    confirm: 'A closed ticket cannot be reopened.',
  },
};

/**
 * The moves the workflow allows from the ticket's status, and only those. The API has the last
 * word: when it refuses (someone else moved the ticket meanwhile), its message shows here and
 * the ticket is reloaded so the buttons match its real status.
 */
export function TicketStatusActions({ ticket }: { ticket: TicketView }) {
  const tenantId = useTenantId();
  const queryClient = useQueryClient();
  const updateTicket = useUpdateTicket();
  const [refusal, setRefusal] = useState<string | null>(null);
  const actions = nextStatuses(TICKET_TRANSITIONS, ticket.status).map((status) => ({
    status,
    label: TICKET_STATUS_ACTIONS[status],
    ...STYLE[status],
  }));

  const move = (status: TicketStatus) => {
    setRefusal(null);
    updateTicket.mutate(
      { id: ticket.id, body: { status } },
      {
        onSuccess: (updated) =>
          notifySuccess(
            `Ticket #${updated.number} is ${TICKET_STATUS_LABELS[updated.status].toLowerCase()}`,
          ),
        onError: (error) => {
          setRefusal(describeError(error));
          if (isApiError(error) && error.status === 409) {
            void queryClient.invalidateQueries({
              queryKey: getTicketQueryOptions(tenantId, ticket.id).queryKey,
            });
          }
        },
      },
    );
  };

  return (
    <StatusActionBar
      actions={actions}
      pending={updateTicket.isPending ? updateTicket.variables.body.status : undefined}
      refusal={refusal}
      onMove={move}
      onDismissRefusal={() => setRefusal(null)}
      finalText="Closed tickets stay closed."
    />
  );
}

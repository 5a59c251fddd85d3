import { useParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/ui/query-states';
import { useTicket } from '../../../features/tickets/api/get-ticket';
import { TicketDetail } from '../../../features/tickets/components/ticket-detail';
import { isApiError } from '../../../lib/api-client';
import { usePageTitle } from '../page-title';

export default function TicketRoute() {
  const { ticketId = '' } = useParams();
  const ticket = useTicket(ticketId);
  usePageTitle(ticket.data ? `#${ticket.data.number} ${ticket.data.subject}` : 'Ticket');

  if (ticket.isPending) return <LoadingState label="Loading the ticket" />;
  if (ticket.isError) {
    return isApiError(ticket.error) && ticket.error.status === 404 ? (
      <NotFoundState title="This ticket does not exist" backTo="/tickets" backLabel="All tickets" />
    ) : (
      <ErrorState
        error={ticket.error}
        title="Could not load the ticket"
        onRetry={() => void ticket.refetch()}
      />
    );
  }
  return <TicketDetail ticket={ticket.data} />;
}

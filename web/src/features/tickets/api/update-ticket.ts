import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TicketView, UpdateTicketDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';
import { getTicketQueryOptions } from './get-ticket';
import { ticketsQueryKey } from './get-tickets';

/** Only the fields that change; `assigneeId: null` unassigns, `description: null` clears. */
export type UpdateTicketBody = Partial<UpdateTicketDto>;

export function updateTicket(id: string, body: UpdateTicketBody): Promise<TicketView> {
  return api.patch<TicketView>(`/tickets/${encodeURIComponent(id)}`, body);
}

export function useUpdateTicket() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTicketBody }) => updateTicket(id, body),
    onSuccess: (ticket) => {
      queryClient.setQueryData(getTicketQueryOptions(tenantId, ticket.id).queryKey, ticket);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketsQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.dashboard(tenantId) }),
      ]);
    },
  });
}

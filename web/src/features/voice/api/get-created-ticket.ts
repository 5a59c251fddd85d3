import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

/** The ticket a conversation created (features do not import each other, so voice asks itself). */
export function getCreatedTicket(id: string, signal?: AbortSignal): Promise<TicketView> {
  return api.get<TicketView>(`/tickets/${encodeURIComponent(id)}`, { signal });
}

/** Under the tickets root, so a change to the ticket anywhere refreshes it here too. */
export function getCreatedTicketQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...queryRoots.tickets(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getCreatedTicket(id, signal),
  });
}

export function useCreatedTicket(id: string | null) {
  return useQuery({
    ...getCreatedTicketQueryOptions(useTenantId(), id ?? ''),
    enabled: Boolean(id),
  });
}

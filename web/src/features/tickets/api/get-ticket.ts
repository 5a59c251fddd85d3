import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TicketView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { ticketsQueryKey } from './get-tickets';

export function getTicket(id: string, signal?: AbortSignal): Promise<TicketView> {
  return api.get<TicketView>(`/tickets/${encodeURIComponent(id)}`, { signal });
}

export function getTicketQueryOptions(tenantId: string, id: string) {
  return queryOptions({
    queryKey: [...ticketsQueryKey(tenantId), 'detail', id] as const,
    queryFn: ({ signal }) => getTicket(id, signal),
  });
}

export function useTicket(id: string) {
  return useQuery(getTicketQueryOptions(useTenantId(), id));
}

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, TicketPriority, TicketSource, TicketStatus, TicketView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

export const TICKETS_PAGE_SIZE = 25;

export interface TicketFilters {
  status?: TicketStatus[];
  priority?: TicketPriority[];
  source?: TicketSource[];
  assigneeId?: string;
  customerId?: string;
  search?: string;
}

export interface GetTicketsParams extends TicketFilters {
  limit?: number;
  cursor?: string | null;
}

/** Several values of one filter travel comma-separated (`?status=open,in_progress`). */
export const commaSeparated = (values?: readonly string[]) =>
  values && values.length ? values.join(',') : undefined;

export function getTickets(
  { limit = TICKETS_PAGE_SIZE, status, priority, source, ...params }: GetTicketsParams = {},
  signal?: AbortSignal,
): Promise<Page<TicketView>> {
  return api.get<Page<TicketView>>('/tickets', {
    query: {
      limit,
      status: commaSeparated(status),
      priority: commaSeparated(priority),
      source: commaSeparated(source),
      ...params,
    },
    signal,
  });
}

/** The prefix of every tickets query of a tenant; mutations invalidate through it. */
export function ticketsQueryKey(tenantId: string) {
  return queryRoots.tickets(tenantId);
}

export function getTicketsQueryOptions(tenantId: string, params: GetTicketsParams = {}) {
  return queryOptions({
    queryKey: [...ticketsQueryKey(tenantId), 'list', params] as const,
    queryFn: ({ signal }) => getTickets(params, signal),
  });
}

/** One page, newest first; the previous page stays on screen while the next one loads. */
export function useTickets(params: GetTicketsParams) {
  return useQuery({
    ...getTicketsQueryOptions(useTenantId(), params),
    placeholderData: keepPreviousData,
  });
}

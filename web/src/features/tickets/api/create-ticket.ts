import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateTicketDto, TicketView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { idempotencyHeaders } from '../../../lib/idempotency';
import { queryRoots } from '../../../lib/query-keys';
import { ticketsQueryKey } from './get-tickets';

export type CreateTicketBody = CreateTicketDto;

export function createTicket(body: CreateTicketBody, idempotencyKey: string): Promise<TicketView> {
  return api.post<TicketView>('/tickets', body, { headers: idempotencyHeaders(idempotencyKey) });
}

export function useCreateTicket() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateTicketBody; idempotencyKey: string }) =>
      createTicket(body, idempotencyKey),
    // The lists, the customer's tab (under the same key) and the dashboard's counts.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ticketsQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.dashboard(tenantId) }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';
import { getCustomerQueryOptions } from './get-customer';
import { customersQueryKey } from './get-customers';

export function deleteCustomer(id: string): Promise<void> {
  return api.delete(`/customers/${encodeURIComponent(id)}`);
}

export function useDeleteCustomer() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: deleteCustomer,
    onSuccess: (_nothing, id) => {
      // The page being left must not refetch a customer that no longer exists.
      queryClient.removeQueries({ queryKey: getCustomerQueryOptions(tenantId, id).queryKey });
      // Their tickets and bookings are gone too, and with them their share of the dashboard.
      return Promise.all(
        [
          customersQueryKey(tenantId),
          queryRoots.tickets(tenantId),
          queryRoots.bookings(tenantId),
          queryRoots.dashboard(tenantId),
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

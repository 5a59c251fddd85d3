import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerView, UpdateCustomerDto } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';
import { getCustomerQueryOptions } from './get-customer';
import { customersQueryKey } from './get-customers';

/** Only the fields that change; `null` clears an optional one. */
export type UpdateCustomerBody = Partial<UpdateCustomerDto>;

export function updateCustomer(id: string, body: UpdateCustomerBody): Promise<CustomerView> {
  return api.patch<CustomerView>(`/customers/${encodeURIComponent(id)}`, body);
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCustomerBody }) =>
      updateCustomer(id, body),
    onSuccess: (customer) => {
      queryClient.setQueryData(getCustomerQueryOptions(tenantId, customer.id).queryKey, customer);
      // Tickets and bookings show the customer's display name, which may just have changed.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: customersQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.tickets(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.bookings(tenantId) }),
      ]);
    },
  });
}

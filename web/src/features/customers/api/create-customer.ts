import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateCustomerDto, CustomerView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { idempotencyHeaders } from '../../../lib/idempotency';
import { queryRoots } from '../../../lib/query-keys';
import { customersQueryKey } from './get-customers';

export type CreateCustomerBody = CreateCustomerDto;

export function createCustomer(
  body: CreateCustomerBody,
  idempotencyKey: string,
): Promise<CustomerView> {
  return api.post<CustomerView>('/customers', body, {
    headers: idempotencyHeaders(idempotencyKey),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateCustomerBody; idempotencyKey: string }) =>
      createCustomer(body, idempotencyKey),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: customersQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.dashboard(tenantId) }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTenantId } from '../../../lib/auth-store';
import { queryRoots } from '../../../lib/query-keys';

/** A change to keys refreshes the key list and the audit log, which records it. */
export function useKeyMutation<TVariables, TResult>(
  mutationFn: (variables: TVariables) => Promise<TResult>,
) {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryRoots.apiKeys(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.auditLog(tenantId) }),
      ]),
  });
}

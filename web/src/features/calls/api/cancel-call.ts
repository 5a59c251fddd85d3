import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallView } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { callsQueryKey } from './get-calls';

/** Withdraws a call that has not been dialled yet; the API answers 409 once it has. */
export function cancelCall(id: string): Promise<CallView> {
  return api.post<CallView>(`/calls/${encodeURIComponent(id)}/cancel`);
}

export function useCancelCall() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: cancelCall,
    onSettled: () => queryClient.invalidateQueries({ queryKey: callsQueryKey(tenantId) }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallView, VoicePurpose } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { idempotencyHeaders } from '../../../lib/idempotency';
import { queryRoots } from '../../../lib/query-keys';
import { callsQueryKey } from './get-calls';

export interface PlaceCallInput {
  customerId: string;
  purpose: VoicePurpose;
  /** One per press, so a retried request never rings the customer twice. */
  idempotencyKey: string;
  /** Call even outside the calling hours in the customer's time zone (audited). */
  override?: boolean;
}

/** Has the AI agent call the customer now: 202 with the queued call. */
export function placeCall({ customerId, purpose, idempotencyKey, override }: PlaceCallInput) {
  return api.post<CallView>(
    `/customers/${encodeURIComponent(customerId)}/call`,
    override ? { purpose, override } : { purpose },
    { headers: idempotencyHeaders(idempotencyKey) },
  );
}

export function usePlaceCall() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return useMutation({
    mutationFn: placeCall,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: callsQueryKey(tenantId) }),
        queryClient.invalidateQueries({ queryKey: queryRoots.dashboard(tenantId) }),
      ]),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignLaunchView,
  CampaignView,
  CreateCampaignDto,
  ImportRecipientsResult,
} from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { idempotencyHeaders } from '../../../lib/idempotency';
import { campaignsQueryKey } from './get-campaigns';

export type CampaignAction = 'start' | 'pause' | 'resume' | 'cancel';

const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export function moveCampaign(id: string, action: CampaignAction): Promise<CampaignView> {
  return api.post<CampaignView>(`${campaignPath(id)}/${action}`);
}

function useInvalidateCampaigns() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey(tenantId) });
}

export interface LaunchInput {
  /** The campaign with its audience, and `start` when it should start (or be scheduled). */
  body: CreateCampaignDto;
  /** One per submission: a retried click replays the first answer instead of a second campaign. */
  idempotencyKey: string;
}

/** Creates the campaign, its audience and its start in one request: all of it or nothing. */
export function launchCampaign({ body, idempotencyKey }: LaunchInput): Promise<CampaignLaunchView> {
  return api.post<CampaignLaunchView>('/campaigns', body, {
    headers: idempotencyHeaders(idempotencyKey),
  });
}

export function useLaunchCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({ mutationFn: launchCampaign, onSuccess: () => invalidate() });
}

export function useMoveCampaign(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (action: CampaignAction) => moveCampaign(id, action),
    onSettled: () => invalidate(),
  });
}

export function importRecipients(id: string, csv: string): Promise<ImportRecipientsResult> {
  return api.post<ImportRecipientsResult>(`${campaignPath(id)}/recipients/import`, { csv });
}

/** A CSV audience: customers created or updated by phone, a report of the rows refused. */
export function useImportRecipients(id: string) {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: (csv: string) => importRecipients(id, csv),
    onSuccess: () => invalidate(),
  });
}

export function checkRecipients(csv: string): Promise<ImportRecipientsResult> {
  return api.post<ImportRecipientsResult>('/campaigns/recipients/check', { csv });
}

/** What importing a CSV file would do, before any campaign exists; nothing is written. */
export function useCheckRecipients() {
  return useMutation({ mutationFn: checkRecipients });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AddRecipientsDto,
  AddRecipientsResult,
  CampaignView,
  CreateCampaignDto,
  ImportRecipientsResult,
} from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { campaignsQueryKey } from './get-campaigns';

export type CampaignAction = 'start' | 'pause' | 'resume' | 'cancel';

const campaignPath = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export function createCampaign(body: CreateCampaignDto): Promise<CampaignView> {
  return api.post<CampaignView>('/campaigns', body);
}

export function addRecipients(id: string, body: AddRecipientsDto): Promise<AddRecipientsResult> {
  return api.post<AddRecipientsResult>(`${campaignPath(id)}/recipients`, body);
}

export function moveCampaign(id: string, action: CampaignAction): Promise<CampaignView> {
  return api.post<CampaignView>(`${campaignPath(id)}/${action}`);
}

function useInvalidateCampaigns() {
  const queryClient = useQueryClient();
  const tenantId = useTenantId();
  return () => queryClient.invalidateQueries({ queryKey: campaignsQueryKey(tenantId) });
}

export interface LaunchInput {
  campaign: CreateCampaignDto;
  /** Customers chosen by id or filter, or null. */
  audience: AddRecipientsDto | null;
  /** A CSV file's text to import, or null. */
  csv: string | null;
  start: boolean;
}

export interface LaunchResult {
  campaign: CampaignView;
  recipients: AddRecipientsResult | null;
  imported: ImportRecipientsResult | null;
}

/**
 * Creates the campaign, adds its audience and, when asked, starts it. A step that fails after
 * the campaign exists says so, so the caller can send people to the draft rather than create a
 * second one.
 */
export class LaunchError extends Error {
  constructor(
    readonly campaign: CampaignView,
    readonly recipients: AddRecipientsResult | null,
    readonly failure: unknown,
    readonly imported: ImportRecipientsResult | null = null,
  ) {
    super(failure instanceof Error ? failure.message : 'The campaign was saved as a draft.');
    this.name = 'LaunchError';
  }
}

export function useLaunchCampaign() {
  const invalidate = useInvalidateCampaigns();
  return useMutation({
    mutationFn: async ({ campaign, audience, csv, start }: LaunchInput): Promise<LaunchResult> => {
      let created = await createCampaign(campaign);
      let recipients: AddRecipientsResult | null = null;
      let imported: ImportRecipientsResult | null = null;
      try {
        if (audience) recipients = await addRecipients(created.id, audience);
        if (csv !== null) imported = await importRecipients(created.id, csv);
        if (start) created = await moveCampaign(created.id, 'start');
      } catch (error) {
        throw new LaunchError(created, recipients, error, imported);
      }
      return { campaign: created, recipients, imported };
    },
    onSettled: () => invalidate(),
  });
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

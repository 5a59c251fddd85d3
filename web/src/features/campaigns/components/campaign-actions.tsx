import { CampaignStatus, type CampaignView } from '@navaia/shared';
import { useState } from 'react';
import { notifySuccess } from '../../../components/ui/notify';
import { StatusActionBar, type StatusAction } from '../../../components/ui/status-action-bar';
import { describeError } from '../../../lib/form-errors';
import { useMoveCampaign, type CampaignAction } from '../api/campaign-mutations';
import { CAMPAIGN_STATUS_LABELS } from './campaign-labels';

const CANCEL: StatusAction<CampaignAction> = {
  status: 'cancel',
  label: 'Cancel campaign',
  color: 'red',
  variant: 'light',
  confirm:
    'No new calls are placed and the campaign cannot be started again. Calls under way finish.',
};

/** The lifecycle moves open from a campaign's status; the API has the last word (409). */
export function campaignActions(campaign: CampaignView): StatusAction<CampaignAction>[] {
  switch (campaign.status) {
    case CampaignStatus.Draft:
      return [{ status: 'start', label: campaign.scheduledAt ? 'Schedule' : 'Start' }, CANCEL];
    case CampaignStatus.Scheduled:
    case CampaignStatus.Running:
      return [{ status: 'pause', label: 'Pause', variant: 'default' }, CANCEL];
    case CampaignStatus.Paused:
      return [{ status: 'resume', label: 'Resume' }, CANCEL];
    default:
      return [];
  }
}

export function CampaignActions({ campaign }: { campaign: CampaignView }) {
  const move = useMoveCampaign(campaign.id);
  const [refusal, setRefusal] = useState<string | null>(null);

  return (
    <StatusActionBar
      actions={campaignActions(campaign)}
      pending={move.isPending ? move.variables : undefined}
      refusal={refusal}
      onMove={(action) => {
        setRefusal(null);
        move.mutate(action, {
          onSuccess: (updated) =>
            notifySuccess(
              `${updated.name} is ${CAMPAIGN_STATUS_LABELS[updated.status].toLowerCase()}`,
            ),
          onError: (error) => setRefusal(describeError(error)),
        });
      }}
      onDismissRefusal={() => setRefusal(null)}
      finalText="This campaign has ended."
    />
  );
}

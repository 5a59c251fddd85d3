import { useParams } from 'react-router';
import { ErrorState, LoadingState, NotFoundState } from '../../../components/ui/query-states';
import { useCampaign } from '../../../features/campaigns/api/get-campaigns';
import { CampaignDetail } from '../../../features/campaigns/components/campaign-detail';
import { isApiError } from '../../../lib/api-client';
import { usePageTitle } from '../page-title';

export default function CampaignRoute() {
  const { campaignId = '' } = useParams();
  const campaign = useCampaign(campaignId);
  usePageTitle(campaign.data?.name ?? 'Campaign');

  if (campaign.isPending) return <LoadingState label="Loading the campaign" />;
  if (campaign.isError) {
    // The API answers 400 for an id that is not a UUID, 404 for one it does not know.
    return isApiError(campaign.error) &&
      (campaign.error.status === 404 || campaign.error.status === 400) ? (
      <NotFoundState
        title="This campaign does not exist"
        backTo="/campaigns"
        backLabel="All campaigns"
      />
    ) : (
      <ErrorState
        error={campaign.error}
        title="Could not load the campaign"
        onRetry={() => void campaign.refetch()}
      />
    );
  }
  return <CampaignDetail campaign={campaign.data} />;
}

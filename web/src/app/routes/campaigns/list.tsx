import { CampaignsList } from '../../../features/campaigns/components/campaigns-list';
import { usePageTitle } from '../page-title';

export default function CampaignsRoute() {
  usePageTitle('Campaigns');
  return <CampaignsList />;
}

import { CampaignWizard } from '../../../features/campaigns/components/campaign-wizard';
import { CustomerSelect } from '../../../features/customers/components/customer-select';
import { usePageTitle } from '../page-title';

export default function NewCampaignRoute() {
  usePageTitle('New campaign');
  return <CampaignWizard CustomerSelect={CustomerSelect} />;
}

import type { EntityOption } from '../../../components/ui/entity-select';
import { RecordListTab } from '../../../components/ui/record-list-tab';
import { useCustomerCampaigns } from '../api/get-campaigns';
import { CampaignsTable } from './campaigns-table';

/** The campaigns a customer is (or was) in. */
export function CustomerCampaigns({ customer }: { customer: EntityOption }) {
  const campaigns = useCustomerCampaigns(customer.id);
  return (
    <RecordListTab
      query={campaigns}
      loadingLabel="Loading campaigns"
      errorTitle="Could not load this customer's campaigns"
      empty={{
        title: 'In no campaign',
        text: 'Campaigns this customer is added to appear here.',
      }}
    >
      {(rows) => <CampaignsTable campaigns={rows} />}
    </RecordListTab>
  );
}

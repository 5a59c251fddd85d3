import { Button, MultiSelect, Stack } from '@mantine/core';
import { CampaignStatus, Role } from '@navaia/shared';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { LoadMore } from '../../../components/ui/load-more';
import { PageHeader } from '../../../components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { listParam } from '../../../lib/url-filters';
import { useHasRole } from '../../../lib/use-has-role';
import { useSearchParamState } from '../../../lib/use-search-param-state';
import { useCampaigns } from '../api/get-campaigns';
import { CAMPAIGN_STATUS_LABELS } from './campaign-labels';
import { CampaignsTable } from './campaigns-table';

const STATUS_OPTIONS = Object.values(CampaignStatus).map((value) => ({
  value,
  label: CAMPAIGN_STATUS_LABELS[value],
}));

/** The organisation's outbound campaigns, newest first, their progress following them live. */
export function CampaignsList() {
  const [params, set] = useSearchParamState();
  const status = listParam(params.get('status'), Object.values(CampaignStatus)) ?? [];
  const campaigns = useCampaigns(status);
  const canCreate = useHasRole(Role.Admin);
  const rows = campaigns.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (campaigns.isPending) body = <LoadingState label="Loading campaigns" />;
  else if (campaigns.isError) {
    body = (
      <ErrorState
        error={campaigns.error}
        title="Could not load campaigns"
        onRetry={() => void campaigns.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = status.length ? (
      <EmptyState title="No campaigns match these filters">Try clearing the filters.</EmptyState>
    ) : (
      <EmptyState title="No campaigns yet">
        A campaign has the AI agent phone a list of customers, within their calling hours.
      </EmptyState>
    );
  } else {
    body = <CampaignsTable campaigns={rows} stale={campaigns.isPlaceholderData} />;
  }

  return (
    <Stack gap="md">
      <PageHeader
        title="Campaigns"
        description="Outbound calling to many customers at once."
        actions={
          canCreate && (
            <Button component={Link} to="/campaigns/new" leftSection={<IconPlus size={16} />}>
              New campaign
            </Button>
          )
        }
      />
      <MultiSelect
        label="Status"
        placeholder={status.length ? undefined : 'Any'}
        w={280}
        data={STATUS_OPTIONS}
        value={status}
        onChange={(value) => set({ status: value.join(',') })}
        clearable
      />
      {body}
      <LoadMore query={campaigns} />
    </Stack>
  );
}

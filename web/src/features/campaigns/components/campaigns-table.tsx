import { Anchor, Table, Text } from '@mantine/core';
import type { CampaignView } from '@navaia/shared';
import { Link, useNavigate } from 'react-router';
import { openOnRowClick } from '../../../components/ui/clickable-row';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { isLiveCampaign } from '../api/get-campaigns';
import { CampaignProgress, CampaignStatusBadge, PURPOSE_LABELS } from './campaign-labels';

export function CampaignsTable({
  campaigns,
  stale = false,
}: {
  campaigns: readonly CampaignView[];
  /** Dims the rows while other filters load. */
  stale?: boolean;
}) {
  const { tenant } = useAuthenticatedSession();
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Campaigns">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Purpose</Table.Th>
            <Table.Th w={240}>Progress</Table.Th>
            <Table.Th>Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody style={{ opacity: stale ? 0.6 : 1 }}>
          {campaigns.map((campaign) => {
            const to = `/campaigns/${campaign.id}`;
            return (
              <Table.Tr
                key={campaign.id}
                style={{ cursor: 'pointer' }}
                onClick={openOnRowClick(() => navigate(to))}
                data-testid="campaign-row"
              >
                <Table.Td>
                  <Anchor component={Link} to={to} size="sm" fw={500}>
                    {campaign.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <CampaignStatusBadge status={campaign.status} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{PURPOSE_LABELS[campaign.purpose] ?? campaign.purpose}</Text>
                </Table.Td>
                <Table.Td>
                  <CampaignProgress
                    progress={campaign.progress}
                    name={campaign.name}
                    animated={isLiveCampaign(campaign.status)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatInZone(campaign.createdAt, tenant.timezone)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Alert, Anchor, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Role, type CampaignView } from '@navaia/shared';
import { IconAlertTriangle, IconPhone } from '@tabler/icons-react';
import { Link } from 'react-router';
import { BackLink, Fact, Section } from '../../../components/ui/detail-parts';
import { PageHeader } from '../../../components/ui/page-header';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatInZone } from '../../../lib/tenant-time';
import { useHasRole } from '../../../lib/use-has-role';
import { useCampaignEvents } from '../api/campaign-events';
import { CampaignActions } from './campaign-actions';
import { CsvImportButton } from './csv-import';
import { CampaignStatusBadge, describeWindow, PURPOSE_LABELS } from './campaign-labels';
import { CampaignRecipients } from './campaign-recipients';
import { CampaignStatsPanel } from './campaign-stats';

export function CampaignDetail({ campaign }: { campaign: CampaignView }) {
  const { tenant } = useAuthenticatedSession();
  const canManage = useHasRole(Role.Admin);
  const zone = tenant.timezone;
  const variables = Object.entries(campaign.variables ?? {});
  useCampaignEvents(campaign.id, campaign.status);

  return (
    <Stack gap="lg">
      <BackLink to="/campaigns">All campaigns</BackLink>
      <PageHeader
        title={
          <Group gap="sm" component="span">
            {campaign.name}
            <CampaignStatusBadge status={campaign.status} />
          </Group>
        }
        description={campaign.description ?? undefined}
        actions={
          <Anchor component={Link} to={`/calls?campaign=${campaign.id}`} size="sm">
            <Group gap={4}>
              <IconPhone size={14} aria-hidden />
              Calls of this campaign
            </Group>
          </Anchor>
        }
      />
      {campaign.pausedReason && (
        <Alert
          color="yellow"
          icon={<IconAlertTriangle size={18} />}
          title="The campaign paused itself"
          role="alert"
        >
          {campaign.pausedReason}
        </Alert>
      )}
      {canManage && (
        <Group gap="sm">
          <CampaignActions campaign={campaign} />
          {campaign.status !== 'completed' && campaign.status !== 'cancelled' && (
            <CsvImportButton campaign={campaign} />
          )}
        </Group>
      )}
      <CampaignStatsPanel campaign={campaign} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section label="Settings" title="Settings">
          <Fact label="Purpose">{PURPOSE_LABELS[campaign.purpose] ?? campaign.purpose}</Fact>
          <Fact label="Opening line">{campaign.firstMessage ?? '—'}</Fact>
          <Fact label="Starts">
            {campaign.scheduledAt ? formatInZone(campaign.scheduledAt, zone) : 'When started'}
          </Fact>
          <Fact label="Started">{formatInZone(campaign.startedAt, zone)}</Fact>
          <Fact label="Completed">{formatInZone(campaign.completedAt, zone)}</Fact>
          <Fact label="Created">{formatInZone(campaign.createdAt, zone)}</Fact>
        </Section>
        <Section label="Limits" title="Limits">
          <Fact label="Calling window">{describeWindow(campaign.callingWindow)}</Fact>
          <Fact label="Calls at once">{campaign.maxConcurrentCalls}</Fact>
          <Fact label="Attempts per customer">{campaign.maxAttempts}</Fact>
          <Fact label="Retry after">{campaign.retryDelayMinutes} min</Fact>
          <Fact label="Variables">
            {variables.length ? (
              <Stack gap={0}>
                {variables.map(([key, value]) => (
                  <Text key={key} size="sm">
                    {key}: {value}
                  </Text>
                ))}
              </Stack>
            ) : (
              '—'
            )}
          </Fact>
        </Section>
      </SimpleGrid>
      <Section label="Recipients" title="Recipients">
        <CampaignRecipients campaign={campaign} />
      </Section>
    </Stack>
  );
}

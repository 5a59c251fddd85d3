import { Anchor, Badge, Box, Grid, Group, Stack, Text, Title } from '@mantine/core';
import type { VoiceSessionView } from '@navaia/shared';
import { Fragment } from 'react';
import { Link } from 'react-router';
import { BackLink, Fact, Section } from '../../../components/ui/detail-parts';
import { EmptyState } from '../../../components/ui/query-states';
import { useAuthenticatedSession } from '../../../lib/auth-store';
import { formatCallTime } from '../../../lib/format';
import { formatInZone } from '../../../lib/tenant-time';
import { analysisText, collectedValues, humanizeKey } from './analysis';
import { OutcomeBadge } from './outcome-badge';
import { OutcomeResult } from './outcome-result';
import { Transcript } from '../../../components/ui/transcript';
import { VOICE_CHANNEL_LABELS, VOICE_PROVIDER_LABELS, VOICE_PURPOSE_LABELS } from './voice-labels';

/** One conversation: what was said, what the agent understood, and what came of it. */
export function VoiceSessionDetail({ session }: { session: VoiceSessionView }) {
  const { tenant } = useAuthenticatedSession();
  const when = (iso: string | null) => formatInZone(iso, tenant.timezone);
  const collected = collectedValues(session.analysis);
  const title = analysisText(session.analysis, 'call_summary_title');
  const success = analysisText(session.analysis, 'call_successful');

  return (
    <Stack gap="md">
      <BackLink to="/voice/sessions">Conversations</BackLink>
      <Stack gap={6}>
        <Title order={1} size="h2">
          {session.customer
            ? `Conversation with ${session.customer.displayName}`
            : 'Conversation with a caller'}
        </Title>
        <Group gap="xs">
          <Badge variant="light">{VOICE_PURPOSE_LABELS[session.purpose] ?? session.purpose}</Badge>
          <OutcomeBadge session={session} />
          <Text size="sm" c="dimmed">
            {when(session.startedAt ?? session.createdAt)}
            {title ? ` · ${title}` : ''}
          </Text>
        </Group>
      </Stack>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            <Section label="Summary" title="Summary">
              <Text size="sm" c={session.summary ? undefined : 'dimmed'}>
                {session.summary ??
                  (session.outcome
                    ? 'No summary was provided.'
                    : 'The summary appears once the conversation has been processed.')}
              </Text>
            </Section>
            <Section label="Transcript" title="Transcript" gap="sm">
              {session.transcript.length ? (
                <Transcript turns={session.transcript} userLabel="Caller" />
              ) : (
                <EmptyState title="No transcript">
                  {session.outcome
                    ? 'Nothing was said in this conversation.'
                    : 'It is stored when the conversation has been processed.'}
                </EmptyState>
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Section label="Outcome" title="Outcome">
              {session.outcome ? (
                <OutcomeResult session={session} />
              ) : (
                <Text size="sm" c="dimmed">
                  {session.status === 'ended'
                    ? 'Being processed; reload in a moment.'
                    : 'The conversation has not ended yet.'}
                </Text>
              )}
              {session.failureReason && session.outcome !== 'failed' && (
                <Fact label="Failure reason">{session.failureReason}</Fact>
              )}
            </Section>
            <Section label="Details">
              <Fact label="Customer">
                {session.customer ? (
                  <Anchor component={Link} to={`/customers/${session.customer.id}`} size="sm">
                    {session.customer.displayName}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Fact>
              <Fact label="Purpose">
                {VOICE_PURPOSE_LABELS[session.purpose] ?? session.purpose}
              </Fact>
              <Fact label="Channel">
                {VOICE_CHANNEL_LABELS[session.channel] ?? session.channel}
              </Fact>
              <Fact label="Provider">
                {VOICE_PROVIDER_LABELS[session.provider] ?? session.provider}
              </Fact>
              <Fact label="Started">{when(session.startedAt)}</Fact>
              <Fact label="Ended">{when(session.endedAt)}</Fact>
              <Fact label="Duration">{formatCallTime(session.durationSec)}</Fact>
              {success && <Fact label="Call successful">{humanizeKey(success)}</Fact>}
              <Text size="xs" c="dimmed">
                Times in {tenant.timezone}
              </Text>
            </Section>
            <Section label="Analysis" title="Collected data">
              {collected.length ? (
                <Box
                  component="dl"
                  m={0}
                  style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '6px 12px' }}
                >
                  {collected.map((item) => (
                    <Fragment key={item.key}>
                      <Text component="dt" size="sm" c="dimmed">
                        {item.label}
                      </Text>
                      <Text
                        component="dd"
                        size="sm"
                        ta="right"
                        m={0}
                        title={item.rationale ?? undefined}
                      >
                        {item.value}
                      </Text>
                    </Fragment>
                  ))}
                </Box>
              ) : (
                <Text size="sm" c="dimmed">
                  Nothing was collected.
                </Text>
              )}
            </Section>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

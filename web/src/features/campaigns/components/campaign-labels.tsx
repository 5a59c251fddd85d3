import { Badge, Group, Progress, Text } from '@mantine/core';
import { CampaignStatus, RecipientStatus, VoicePurpose, type CallingWindow } from '@navaia/shared';

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  [CampaignStatus.Draft]: 'Draft',
  [CampaignStatus.Scheduled]: 'Scheduled',
  [CampaignStatus.Running]: 'Running',
  [CampaignStatus.Paused]: 'Paused',
  [CampaignStatus.Completed]: 'Completed',
  [CampaignStatus.Cancelled]: 'Cancelled',
};

const CAMPAIGN_STATUS_COLORS: Record<CampaignStatus, string> = {
  [CampaignStatus.Draft]: 'gray',
  [CampaignStatus.Scheduled]: 'indigo',
  [CampaignStatus.Running]: 'blue',
  [CampaignStatus.Paused]: 'yellow',
  [CampaignStatus.Completed]: 'green',
  [CampaignStatus.Cancelled]: 'gray',
};

export const RECIPIENT_STATUS_LABELS: Record<RecipientStatus, string> = {
  [RecipientStatus.Pending]: 'Pending',
  [RecipientStatus.Queued]: 'Queued',
  [RecipientStatus.Calling]: 'Calling',
  [RecipientStatus.Completed]: 'Completed',
  [RecipientStatus.NoAnswer]: 'No answer',
  [RecipientStatus.Busy]: 'Busy',
  [RecipientStatus.Failed]: 'Failed',
  [RecipientStatus.Skipped]: 'Skipped',
  [RecipientStatus.Canceled]: 'Cancelled',
};

const RECIPIENT_STATUS_COLORS: Record<RecipientStatus, string> = {
  [RecipientStatus.Pending]: 'gray',
  [RecipientStatus.Queued]: 'indigo',
  [RecipientStatus.Calling]: 'blue',
  [RecipientStatus.Completed]: 'green',
  [RecipientStatus.NoAnswer]: 'orange',
  [RecipientStatus.Busy]: 'orange',
  [RecipientStatus.Failed]: 'red',
  [RecipientStatus.Skipped]: 'gray',
  [RecipientStatus.Canceled]: 'gray',
};

export const RECIPIENT_STATUS_OPTIONS = Object.values(RecipientStatus).map((value) => ({
  value,
  label: RECIPIENT_STATUS_LABELS[value],
}));

/** ISO weekdays 1–7, Monday first. */
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A campaign's own calling window as text; without one, the organisation's applies. */
export function describeWindow(window: CallingWindow | null | undefined): string {
  if (!window) return "The organisation's";
  return `${window.start}–${window.end}, ${window.days.map((day) => WEEKDAYS[day - 1]).join(' ')}`;
}

export const PURPOSE_LABELS: Record<VoicePurpose, string> = {
  [VoicePurpose.Support]: 'Support',
  [VoicePurpose.Sales]: 'Sales',
};

export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return (
    <Badge color={CAMPAIGN_STATUS_COLORS[status] ?? 'gray'} variant="light" data-status={status}>
      {CAMPAIGN_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

export function RecipientStatusBadge({ status }: { status: RecipientStatus }) {
  return (
    <Badge color={RECIPIENT_STATUS_COLORS[status] ?? 'gray'} variant="light" data-status={status}>
      {RECIPIENT_STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

export function percentDone({ total, done }: { total: number; done: number }): number {
  return total > 0 ? Math.round((done / total) * 100) : 0;
}

/** Recipients with a final outcome out of all of them, as a bar and as numbers. */
export function CampaignProgress({
  progress,
  name,
  animated = false,
}: {
  progress: { total: number; done: number };
  /** What the bar is the progress of, for assistive technology. */
  name: string;
  animated?: boolean;
}) {
  const percent = percentDone(progress);
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress
        value={percent}
        aria-label={`Progress of ${name}`}
        striped={animated}
        animated={animated}
        style={{ flex: 1, minWidth: 80 }}
      />
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="campaign-progress">
        {progress.done}/{progress.total} · {percent}%
      </Text>
    </Group>
  );
}

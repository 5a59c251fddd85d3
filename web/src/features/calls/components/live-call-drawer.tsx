import { Anchor, Drawer, Group, Stack, Text } from '@mantine/core';
import { formatPhone, isFinalCallStatus } from '@navaia/shared';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../../../components/ui/query-states';
import { useCall } from '../api/get-call';
import { CallProgress } from './call-progress';
import { CallConversation } from './call-result';
import { CallStatusChip } from './call-status-chip';

/** Follows one call from the moment it is queued to its transcript and result. */
export function LiveCallDrawer({
  callId,
  customerName,
  opened,
  onClose,
}: {
  callId: string | null;
  customerName: string;
  opened: boolean;
  onClose: () => void;
}) {
  const call = useCall(callId ?? '', opened);

  let body;
  if (call.isPending) body = <LoadingState label="Loading the call" />;
  else if (call.isError) {
    body = (
      <ErrorState
        error={call.error}
        title="Could not follow the call"
        onRetry={() => void call.refetch()}
      />
    );
  } else {
    const data = call.data;
    const ended = isFinalCallStatus(data.status);
    body = (
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <CallStatusChip call={data} />
          <Text size="sm" c="dimmed">
            {formatPhone(data.to)}
          </Text>
        </Group>
        <CallProgress status={data.status} />
        {data.failureReason && (
          <Text size="sm" c="red">
            {data.failureReason}
          </Text>
        )}
        {ended && <CallConversation call={data} live />}
        <Anchor component={Link} to={`/calls/${data.id}`} size="sm" onClick={onClose}>
          <Group gap={4}>
            Open call details
            <IconArrowRight size={14} aria-hidden />
          </Group>
        </Anchor>
      </Stack>
    );
  }

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={<Text fw={600}>Calling {customerName}</Text>}
    >
      {body}
    </Drawer>
  );
}

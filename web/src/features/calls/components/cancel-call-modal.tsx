import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { CallView } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { describeError } from '../../../lib/form-errors';
import { useCancelCall } from '../api/cancel-call';

/** Asks before withdrawing a queued call; the API refuses once dialling has begun. */
export function CancelCallModal({
  call,
  opened,
  onClose,
}: {
  call: CallView;
  opened: boolean;
  onClose: () => void;
}) {
  const cancelCall = useCancelCall();
  const close = () => {
    cancelCall.reset();
    onClose();
  };
  const who = call.customer?.displayName ?? call.to;

  return (
    <Modal opened={opened} onClose={close} title="Cancel call" centered>
      <Stack gap="md">
        <FormAlert message={cancelCall.isError ? describeError(cancelCall.error) : null} />
        <Text size="sm">
          Withdraw the call to <strong>{who}</strong>? It has not been dialled yet, so they will not
          notice.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Keep the call
          </Button>
          <Button
            color="red"
            loading={cancelCall.isPending}
            onClick={() =>
              cancelCall.mutate(call.id, {
                onSuccess: () => {
                  notifySuccess(`The call to ${who} was cancelled`);
                  close();
                },
              })
            }
          >
            Cancel call
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UserView } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { describeError } from '../../../lib/form-errors';
import { useDeleteUser } from '../api/delete-user';

/** Asks before removing; the API's refusal (e.g. an admin removing an owner) shows in place. */
export function RemoveMemberModal({
  member,
  onClose,
}: {
  member: UserView | null;
  onClose: () => void;
}) {
  const deleteUser = useDeleteUser();

  const close = () => {
    deleteUser.reset();
    onClose();
  };

  const confirm = () => {
    if (!member) return;
    deleteUser.mutate(member.id, {
      onSuccess: () => {
        notifySuccess(`${member.name} was removed from the team`);
        close();
      },
    });
  };

  return (
    <Modal opened={member !== null} onClose={close} title="Remove member" centered>
      <Stack gap="md">
        <FormAlert message={deleteUser.isError ? describeError(deleteUser.error) : null} />
        <Text size="sm">
          Remove <strong>{member?.name}</strong> ({member?.email}) from the team? They lose access
          immediately.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={deleteUser.isPending} onClick={confirm}>
            Remove
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

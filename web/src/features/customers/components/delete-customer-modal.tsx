import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { CustomerView } from '@navaia/shared';
import { FormAlert } from '../../../components/ui/form-alert';
import { notifySuccess } from '../../../components/ui/notify';
import { describeError } from '../../../lib/form-errors';
import { useDeleteCustomer } from '../api/delete-customer';

/** Asks before deleting, and says what goes with the customer. */
export function DeleteCustomerModal({
  customer,
  opened,
  onClose,
  onDeleted,
}: {
  customer: CustomerView;
  opened: boolean;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const deleteCustomer = useDeleteCustomer();

  const close = () => {
    deleteCustomer.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Delete customer" centered>
      <Stack gap="md">
        <FormAlert message={deleteCustomer.isError ? describeError(deleteCustomer.error) : null} />
        <Text size="sm">
          Delete <strong>{customer.displayName}</strong>? Their tickets and bookings are deleted
          too. This cannot be undone.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={deleteCustomer.isPending}
            onClick={() =>
              deleteCustomer.mutate(customer.id, {
                onSuccess: () => {
                  notifySuccess(`${customer.displayName} was deleted`);
                  onDeleted();
                },
              })
            }
          >
            Delete customer
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

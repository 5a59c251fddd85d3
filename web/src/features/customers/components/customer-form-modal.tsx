import { Modal } from '@mantine/core';
import type { CustomerView } from '@navaia/shared';
import { CustomerForm } from './customer-form';

/** "Add customer" without `customer`, "Edit customer" with it. */
export function CustomerFormModal({
  opened,
  customer,
  onClose,
  onSaved,
}: {
  opened: boolean;
  customer?: CustomerView;
  onClose: () => void;
  onSaved?: (customer: CustomerView) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={customer ? 'Edit customer' : 'Add customer'}
      size="lg"
      centered
    >
      {/* Mounted only while open, so every opening starts from the customer as saved. */}
      {opened && (
        <CustomerForm
          customer={customer}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Modal>
  );
}

import { Modal } from '@mantine/core';
import type { BookingView } from '@navaia/shared';
import { BookingForm, type BookingFormProps } from './booking-form';

/** "New booking" without `booking`, "Edit booking" with it. */
export function BookingFormModal({
  opened,
  onClose,
  onSaved,
  ...props
}: Omit<BookingFormProps, 'onCancel' | 'onSaved'> & {
  opened: boolean;
  onClose: () => void;
  onSaved?: (booking: BookingView) => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={props.booking ? 'Edit booking' : 'New booking'}
      size="lg"
      centered
    >
      {opened && (
        <BookingForm
          {...props}
          onCancel={onClose}
          onSaved={(booking) => {
            onClose();
            onSaved?.(booking);
          }}
        />
      )}
    </Modal>
  );
}

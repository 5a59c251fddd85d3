import { Modal } from '@mantine/core';
import type { TicketView } from '@navaia/shared';
import { NewTicketForm, type NewTicketFormProps } from './new-ticket-form';

export function NewTicketModal({
  opened,
  onClose,
  onCreated,
  ...props
}: Omit<NewTicketFormProps, 'onCancel' | 'onCreated'> & {
  opened: boolean;
  onClose: () => void;
  onCreated?: (ticket: TicketView) => void;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="New ticket" size="lg" centered>
      {opened && (
        <NewTicketForm
          {...props}
          onCancel={onClose}
          onCreated={(ticket) => {
            onClose();
            onCreated?.(ticket);
          }}
        />
      )}
    </Modal>
  );
}

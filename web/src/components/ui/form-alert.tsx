import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';

/** The API's message when it concerns the whole form rather than one field. */
export function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}

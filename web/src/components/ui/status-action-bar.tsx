import { Alert, Button, Group, Modal, Stack, Text, type ButtonVariant } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState } from 'react';

export interface StatusAction<S extends string> {
  status: S;
  label: string;
  color?: string;
  variant?: ButtonVariant;
  /** Asked first, because the move cannot be undone (e.g. "A closed ticket cannot be reopened."). */
  confirm?: string;
}

/**
 * The buttons for a record's legal next statuses, a confirmation for the irreversible ones, and
 * the API's refusal (409) when it has the last word.
 */
export function StatusActionBar<S extends string>({
  actions,
  pending,
  refusal,
  onMove,
  onDismissRefusal,
  finalText,
}: {
  actions: readonly StatusAction<S>[];
  /** The status being moved to while the request is out. */
  pending?: S;
  refusal: string | null;
  onMove: (status: S) => void;
  onDismissRefusal: () => void;
  /** Shown when no move is left. */
  finalText: string;
}) {
  const [confirming, setConfirming] = useState<StatusAction<S> | null>(null);

  return (
    <>
      <Group gap="xs" aria-label="Status actions" role="group">
        {actions.length === 0 && (
          <Text size="sm" c="dimmed">
            {finalText}
          </Text>
        )}
        {actions.map((action) => (
          <Button
            key={action.status}
            size="sm"
            color={action.color}
            variant={action.variant ?? 'filled'}
            loading={pending === action.status}
            disabled={pending !== undefined && pending !== action.status}
            onClick={() => (action.confirm ? setConfirming(action) : onMove(action.status))}
          >
            {action.label}
          </Button>
        ))}
      </Group>
      {refusal && (
        <Alert
          color="red"
          icon={<IconAlertCircle size={18} />}
          title="The status was not changed"
          role="alert"
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={onDismissRefusal}
        >
          {refusal}
        </Alert>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={confirming ? `${confirming.label}?` : ''}
        centered
      >
        <Stack gap="md">
          <Text size="sm">{confirming?.confirm}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)}>
              Back
            </Button>
            <Button
              color={confirming?.color}
              onClick={() => {
                if (confirming) onMove(confirming.status);
                setConfirming(null);
              }}
            >
              {confirming?.label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import type { ApiKeyView, CreatedApiKey } from '@navaia/shared';
import { useState } from 'react';
import { FormAlert } from '../../../components/ui/form-alert';
import { describeError } from '../../../lib/form-errors';
import { useRotateApiKey } from '../api/rotate-api-key';

const GRACE_OPTIONS = [
  { value: '', label: 'For 24 hours (the default)' },
  { value: '3600', label: 'For 1 hour' },
  { value: '604800', label: 'For 7 days' },
  { value: '0', label: 'Stop it now' },
];

/** Asks before replacing a key, and for how long the old one should keep working. */
export function RotateApiKeyModal({
  apiKey,
  onClose,
  onRotated,
}: {
  apiKey: ApiKeyView | null;
  onClose: () => void;
  onRotated: (key: CreatedApiKey) => void;
}) {
  const rotate = useRotateApiKey();
  const [grace, setGrace] = useState('');

  const close = () => {
    rotate.reset();
    setGrace('');
    onClose();
  };

  const confirm = () => {
    if (!apiKey) return;
    rotate.mutate(
      { id: apiKey.id, graceSeconds: grace === '' ? undefined : Number(grace) },
      {
        onSuccess: (created) => {
          close();
          onRotated(created);
        },
      },
    );
  };

  return (
    <Modal opened={apiKey !== null} onClose={close} title="Rotate API key" centered>
      <Stack gap="md">
        <FormAlert message={rotate.isError ? describeError(rotate.error) : null} />
        <Text size="sm">
          Rotate <strong>{apiKey?.name}</strong>? A new key with the same scopes and expiry replaces
          it. Deploy the new key, then let the old one run out.
        </Text>
        <Select
          label="Keep the old key working"
          data={GRACE_OPTIONS}
          allowDeselect={false}
          value={grace}
          onChange={(value) => setGrace(value ?? '')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button loading={rotate.isPending} onClick={confirm}>
            Rotate
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

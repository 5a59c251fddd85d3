import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import type { CreatedApiKey } from '@navaia/shared';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

/**
 * Shows a new key the one time the API reveals it. It closes only through its button, so a
 * stray click outside cannot lose the key.
 */
export function NewKeyModal({
  apiKey,
  onClose,
}: {
  apiKey: CreatedApiKey | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={apiKey !== null}
      onClose={onClose}
      title="Copy your API key"
      centered
      size="lg"
      closeOnClickOutside={false}
      closeOnEscape={false}
      withCloseButton={false}
    >
      {apiKey && (
        <Stack gap="md">
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
            This is the only time the key is shown. Store it somewhere safe now; if it is lost,
            rotate the key to get a new one.
          </Alert>
          <Text size="sm">
            <strong>{apiKey.name}</strong> — send it in the <Code>X-API-Key</Code> header.
          </Text>
          <Code block data-testid="new-api-key" style={{ wordBreak: 'break-all' }}>
            {apiKey.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={apiKey.key}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={onClose}>I have stored the key</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

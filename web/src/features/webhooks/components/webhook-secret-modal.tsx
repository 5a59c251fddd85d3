import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/**
 * The signing secret, right after it was issued. It is not kept anywhere in the SPA: once
 * this closes, only another rotation shows a secret again.
 */
export function WebhookSecretModal({
  secret,
  rotated,
  onClose,
}: {
  secret: string | null;
  rotated: boolean;
  onClose: () => void;
}) {
  return (
    <Modal opened={secret !== null} onClose={onClose} title="Signing secret" centered size="lg">
      <Stack gap="sm">
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          Copy the secret now: it is shown only once.
          {rotated && ' The previous secret keeps signing deliveries for 24 hours.'}
        </Alert>
        <Code block data-testid="webhook-secret">
          {secret}
        </Code>
        <Text size="sm" c="dimmed">
          Verify each delivery with it: the <code>webhook-signature</code> header holds base64
          HMAC-SHA256 signatures of <code>webhook-id.webhook-timestamp.body</code>, keyed with the
          base64-decoded part after <code>whsec_</code>.
        </Text>
        <Group justify="flex-end">
          <CopyButton value={secret ?? ''}>
            {({ copied, copy }) => (
              <Button variant="light" onClick={copy}>
                {copied ? 'Copied' : 'Copy secret'}
              </Button>
            )}
          </CopyButton>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

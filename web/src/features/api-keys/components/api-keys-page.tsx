import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Role, type ApiKeyView, type CreatedApiKey } from '@navaia/shared';
import { IconKey, IconLock, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { LoadMore } from '../../../components/ui/load-more';
import { SectionHeader } from '../../../components/ui/section-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/query-states';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useHasRole } from '../../../lib/use-has-role';
import { useApiKeys } from '../api/get-api-keys';
import { ApiKeyStatusBadge } from './api-key-status-badge';
import { CreateApiKeyModal } from './create-api-key-modal';
import { NewKeyModal } from './new-key-modal';
import { RevokeApiKeyModal } from './revoke-api-key-modal';
import { RotateApiKeyModal } from './rotate-api-key-modal';
import { describeScopes } from './scope-labels';

function KeyRow({
  apiKey,
  onRotate,
  onRevoke,
}: {
  apiKey: ApiKeyView;
  onRotate: () => void;
  onRevoke: () => void;
}) {
  const working = apiKey.status === 'active' || apiKey.status === 'rotating';
  return (
    <Table.Tr data-testid={`api-key-${apiKey.id}`}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {apiKey.name}
        </Text>
        <Code>nvk_{apiKey.prefix}_…</Code>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {describeScopes(apiKey.scopes).map((label) => (
            <Badge key={label} size="sm" variant="light" style={{ textTransform: 'none' }}>
              {label}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{formatDateTime(apiKey.createdAt)}</Table.Td>
      <Table.Td>{formatDateTime(apiKey.expiresAt, 'Never')}</Table.Td>
      <Table.Td>{formatDateTime(apiKey.lastUsedAt, 'Never')}</Table.Td>
      <Table.Td>
        <ApiKeyStatusBadge apiKey={apiKey} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {apiKey.status === 'active' && (
            <Tooltip label="Rotate">
              <ActionIcon variant="subtle" aria-label={`Rotate ${apiKey.name}`} onClick={onRotate}>
                <IconRefresh size={16} />
              </ActionIcon>
            </Tooltip>
          )}
          {working && (
            <Tooltip label="Revoke">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Revoke ${apiKey.name}`}
                onClick={onRevoke}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Integrators' keys: create (shown once), rotate with a grace period, revoke. */
export function ApiKeysPage() {
  const canManage = useHasRole(Role.Admin);
  const keys = useApiKeys({ enabled: canManage });
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [shown, setShown] = useState<CreatedApiKey | null>(null);
  const [rotating, setRotating] = useState<ApiKeyView | null>(null);
  const [revoking, setRevoking] = useState<ApiKeyView | null>(null);
  const rows = keys.data?.pages.flatMap((page) => page.data) ?? [];

  let body;
  if (!canManage || (isApiError(keys.error) && keys.error.status === 403)) {
    body = (
      <Alert icon={<IconLock size={18} />} color="gray">
        Only admins and owners can see and manage API keys.
      </Alert>
    );
  } else if (keys.isPending) {
    body = <LoadingState label="Loading API keys" />;
  } else if (keys.isError) {
    body = (
      <ErrorState
        error={keys.error}
        title="Could not load API keys"
        onRetry={() => void keys.refetch()}
      />
    );
  } else if (rows.length === 0) {
    body = (
      <EmptyState title="No API keys yet">
        Create one to let another system use Navaia’s API.
      </EmptyState>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" highlightOnHover data-testid="api-keys-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Scopes</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((apiKey) => (
              <KeyRow
                key={apiKey.id}
                apiKey={apiKey}
                onRotate={() => setRotating(apiKey)}
                onRevoke={() => setRevoking(apiKey)}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <Stack gap="md">
      <SectionHeader
        title="API keys"
        description={
          <>
            Let other systems use Navaia’s API with the <Code>X-API-Key</Code> header.
          </>
        }
        actions={
          canManage && (
            <Button leftSection={<IconKey size={16} />} onClick={openCreate}>
              Create API key
            </Button>
          )
        }
      />
      {body}
      <LoadMore query={keys} />
      {canManage && (
        <>
          <CreateApiKeyModal opened={creating} onClose={closeCreate} onCreated={setShown} />
          <RotateApiKeyModal
            apiKey={rotating}
            onClose={() => setRotating(null)}
            onRotated={setShown}
          />
          <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
          <NewKeyModal apiKey={shown} onClose={() => setShown(null)} />
        </>
      )}
    </Stack>
  );
}

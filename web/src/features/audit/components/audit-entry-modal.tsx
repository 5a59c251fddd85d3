import { Badge, Code, Group, Modal, Stack, Table, Text } from '@mantine/core';
import type { AuditEntryView } from '@navaia/shared';
import { formatDateTime } from '../../../lib/format';
import { auditDiff, type DiffKind } from './audit-diff';
import { ACTION_LABELS, ENTITY_TYPE_LABELS } from './audit-labels';

const KIND_COLORS: Record<DiffKind, string | undefined> = {
  added: 'green',
  removed: 'red',
  changed: 'yellow',
  same: undefined,
};

function ValueCell({ value }: { value: string | null }) {
  return (
    <Table.Td>
      <Text size="sm" ff="monospace" c={value === null ? 'dimmed' : undefined}>
        {value ?? '—'}
      </Text>
    </Table.Td>
  );
}

/** One audit entry: who, when, and each field before and after. */
export function AuditEntryModal({
  entry,
  onClose,
}: {
  entry: AuditEntryView | null;
  onClose: () => void;
}) {
  const rows = entry ? auditDiff(entry.before, entry.after) : [];
  return (
    <Modal opened={entry !== null} onClose={onClose} title="Change details" centered size="xl">
      {entry && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="light">{ACTION_LABELS[entry.action] ?? entry.action}</Badge>
            <Text size="sm">
              {ENTITY_TYPE_LABELS[entry.entityType] ?? entry.entityType}{' '}
              <Code>{entry.entityId}</Code>
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {formatDateTime(entry.createdAt)} by {entry.actorName ?? entry.actorType}
            {entry.requestId && (
              <>
                {' '}
                · request <Code>{entry.requestId}</Code>
              </>
            )}
          </Text>
          {rows.length === 0 ? (
            <Text size="sm">No field values were recorded for this entry.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table data-testid="audit-diff" verticalSpacing={6}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Field</Table.Th>
                    <Table.Th>Before</Table.Th>
                    <Table.Th>After</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.field} data-kind={row.kind}>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Text size="sm" ff="monospace">
                            {row.field}
                          </Text>
                          {KIND_COLORS[row.kind] && (
                            <Badge size="xs" variant="light" color={KIND_COLORS[row.kind]}>
                              {row.kind}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <ValueCell value={row.before} />
                      <ValueCell value={row.after} />
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Stack>
      )}
    </Modal>
  );
}

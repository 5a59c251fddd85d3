import { Checkbox, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { API_KEY_RESOURCES } from '@navaia/shared';
import {
  RESOURCE_LABELS,
  RESOURCES,
  type AccessByResource,
  type ResourceAccess,
} from './scope-labels';

const LABELS: Record<ResourceAccess, string> = { none: 'None', read: 'Read', write: 'Write' };

/**
 * Scopes grouped by resource: none, read, or write (which includes read). Full access stands
 * for every scope at once, now and for resources added later.
 */
export function ScopePicker({
  fullAccess,
  access,
  error,
  onFullAccessChange,
  onAccessChange,
}: {
  fullAccess: boolean;
  access: AccessByResource;
  error?: string;
  onFullAccessChange: (value: boolean) => void;
  onAccessChange: (value: AccessByResource) => void;
}) {
  return (
    <Stack gap="xs" role="group" aria-label="Scopes">
      <Text size="sm" fw={500}>
        Scopes
      </Text>
      <Checkbox
        label="Full access"
        description="Everything an admin may do, except managing API keys and team members."
        checked={fullAccess}
        onChange={(event) => onFullAccessChange(event.currentTarget.checked)}
      />
      {!fullAccess && (
        <Table verticalSpacing={4} withRowBorders={false}>
          <Table.Tbody>
            {RESOURCES.map((resource) => (
              <Table.Tr key={resource}>
                <Table.Td>
                  <Text size="sm">{RESOURCE_LABELS[resource]}</Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <SegmentedControl
                      size="xs"
                      aria-label={`${RESOURCE_LABELS[resource]} access`}
                      value={access[resource]}
                      onChange={(value) =>
                        onAccessChange({ ...access, [resource]: value as ResourceAccess })
                      }
                      data={(['none', ...API_KEY_RESOURCES[resource]] as ResourceAccess[]).map(
                        (value) => ({ value, label: LABELS[value] }),
                      )}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
}

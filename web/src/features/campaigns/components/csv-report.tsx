import { Stack, Table, Text } from '@mantine/core';
import { parseCsv, type ImportRecipientsResult } from '@navaia/shared';

const PREVIEW_ROWS = 5;

export const CSV_COLUMNS_HELP =
  'Columns: phone (required), first_name, last_name, email, timezone, tags (separated by ;). Any other column becomes a variable for that recipient. Customers are created or updated by phone.';

/** The header and first rows of a CSV file, parsed as the API parses it (quoted cells included). */
export function CsvPreview({ text }: { text: string }) {
  const rows = parseCsv(text, PREVIEW_ROWS + 1);
  if (rows.length === 0) return null;
  return (
    <Table aria-label="Preview" withTableBorder striped fz="xs">
      <Table.Tbody>
        {rows.map((cells, row) => (
          <Table.Tr key={row}>
            {cells.map((cell, column) => (
              <Table.Td
                key={column}
                fw={row === 0 ? 600 : undefined}
                style={{ whiteSpace: 'pre-line' }}
              >
                {cell}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * What an import did, or (`checked`) would do: the counts, then every refused row and why.
 */
export function ImportReport({
  result,
  checked = false,
}: {
  result: ImportRecipientsResult;
  checked?: boolean;
}) {
  return (
    <Stack gap={4} data-testid={checked ? 'check-report' : 'import-report'}>
      <Text size="sm">
        {checked
          ? `${result.rows} rows: ${result.added} would be added, ${result.createdCustomers} new customers, ${result.updatedCustomers} updated, ${result.skipped} not callable.`
          : `${result.rows} rows: ${result.added} added, ${result.createdCustomers} new customers, ${result.updatedCustomers} updated, ${result.skipped} already in or not callable.`}
      </Text>
      {result.rejected.length > 0 && (
        <Table aria-label="Rejected rows" withTableBorder fz="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Phone</Table.Th>
              <Table.Th>Why</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.rejected.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.phone ?? '—'}</Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** The import's outcome in one sentence, for a notification. */
export function describeImport(result: ImportRecipientsResult): string {
  const rejected = result.rejected.length;
  return `${result.added} of ${result.rows} rows added (${result.createdCustomers} new customers, ${result.updatedCustomers} updated)${rejected ? `; ${rejected} rejected` : ''}.`;
}

import { useState } from 'react';
import { Alert, Button, FileInput, Modal, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { CampaignView, ImportRecipientsResult } from '@navaia/shared';
import { useImportRecipients } from '../api/campaign-mutations';

const PREVIEW_ROWS = 5;

/** The first rows of a CSV file, split naively (enough for a preview; the API parses it). */
function previewOf(text: string): string[][] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim())
    .slice(0, PREVIEW_ROWS + 1)
    .map((line) => line.split(','));
}

/**
 * Adds an audience from a CSV file: a preview of its first rows, then the import's report
 * with every refused row and why.
 */
export function CsvImportButton({ campaign }: { campaign: CampaignView }) {
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [fileName, setFileName] = useState<File | null>(null);
  const importer = useImportRecipients(campaign.id);
  const result: ImportRecipientsResult | undefined = importer.data;
  const close = () => {
    setOpened(false);
    setText(null);
    setFileName(null);
    importer.reset();
  };
  const preview = text ? previewOf(text) : [];
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} />}
        onClick={() => setOpened(true)}
      >
        Import CSV
      </Button>
      <Modal opened={opened} onClose={close} title="Import recipients from a CSV file" size="lg">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Columns: phone (required), first_name, last_name, email, timezone, tags (separated by
            ;). Any other column becomes a variable for that recipient. Customers are created or
            updated by phone.
          </Text>
          <FileInput
            label="CSV file"
            accept=".csv,text/csv"
            value={fileName}
            onChange={async (file) => {
              setFileName(file);
              importer.reset();
              setText(file ? await file.text() : null);
            }}
          />
          {preview.length > 0 && !result && (
            <Table aria-label="Preview" withTableBorder striped fz="xs">
              <Table.Tbody>
                {preview.map((cells, row) => (
                  <Table.Tr key={row}>
                    {cells.map((cell, column) => (
                      <Table.Td key={column} fw={row === 0 ? 600 : undefined}>
                        {cell}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {importer.error && (
            <Alert color="red" role="alert">
              {importer.error.message}
            </Alert>
          )}
          {result && (
            <Stack gap={4} data-testid="import-report">
              <Text size="sm">
                {result.rows} rows: {result.added} added, {result.createdCustomers} new customers,{' '}
                {result.updatedCustomers} updated, {result.skipped} already in or not callable.
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
          )}
          <Button
            disabled={!text || !!result}
            loading={importer.isPending}
            onClick={() => text && importer.mutate(text)}
          >
            Import
          </Button>
        </Stack>
      </Modal>
    </>
  );
}

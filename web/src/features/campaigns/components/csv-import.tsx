import { useState } from 'react';
import { Alert, Button, FileInput, Modal, Stack, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { CampaignView, ImportRecipientsResult } from '@navaia/shared';
import { useImportRecipients } from '../api/campaign-mutations';
import { CSV_COLUMNS_HELP, CsvPreview, ImportReport } from './csv-report';

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
            {CSV_COLUMNS_HELP}
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
          {text && !result && <CsvPreview text={text} />}
          {importer.error && (
            <Alert color="red" role="alert">
              {importer.error.message}
            </Alert>
          )}
          {result && <ImportReport result={result} />}
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

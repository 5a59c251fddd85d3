import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, requestsOf, signIn } from '../../../testing/test-utils';
import { CsvImportButton } from './csv-import';
import { makeCampaign } from './campaign-test-data';

describe('CSV import', () => {
  it('previews the file, imports it and lists every refused row with its reason', async () => {
    signIn({ role: 'admin' as never });
    const campaign = makeCampaign();
    const fetchMock = mockApi(({ method, path }) => {
      if (method === 'POST' && path === `/campaigns/${campaign.id}/recipients/import`) {
        return {
          body: {
            rows: 2,
            createdCustomers: 1,
            updatedCustomers: 0,
            added: 1,
            skipped: 0,
            rejected: [
              { row: 3, phone: 'not a phone', reason: 'phone is not a valid number for US' },
            ],
          },
        };
      }
      return { status: 404, body: { message: 'Not found' } };
    });
    const { user } = renderWithProviders(<CsvImportButton campaign={campaign} />);
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    const csv = 'phone,first_name,plan\n+14155550123,Maya,gold\nnot a phone,Bad,\n';
    const dialog = await screen.findByRole('dialog');
    const input = dialog.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File([csv], 'audience.csv', { type: 'text/csv' }));

    const preview = await within(dialog).findByRole('table', { name: 'Preview' });
    expect(within(preview).getByText('plan')).toBeVisible();
    expect(within(preview).getByText('+14155550123')).toBeVisible();

    await user.click(within(dialog).getByRole('button', { name: 'Import' }));
    const rejected = await within(dialog).findByRole('table', { name: 'Rejected rows' });
    expect(within(rejected).getByText('phone is not a valid number for US')).toBeVisible();
    expect(within(dialog).getByTestId('import-report')).toHaveTextContent(
      '2 rows: 1 added, 1 new customers',
    );
    expect(requestsOf(fetchMock)).toContain(`POST /campaigns/${campaign.id}/recipients/import`);
    const [, init] = fetchMock.mock.calls.find(([input]) => String(input).endsWith('/import'))!;
    expect(JSON.parse(String(init?.body))).toEqual({ csv });
  });
});

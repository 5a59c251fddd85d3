import { CampaignStatus } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { makeCustomer } from '../../../testing/factories';
import {
  mockApi,
  renderWithProviders,
  requestsOf,
  signIn,
  type Handler,
  type MockResponse,
} from '../../../testing/test-utils';
import { CustomerSelect } from '../../customers/components/customer-select';
import { CampaignWizard, describeRecipients } from './campaign-wizard';
import { makeCampaign } from './campaign-test-data';

const CUSTOMER = makeCustomer({ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', displayName: 'Ada' });
const CREATED = makeCampaign({ name: 'Spring check-ups' });
const REPORT = {
  added: 1,
  skipped: { doNotCall: 1, duplicate: 0, alreadyInCampaign: 0, unknown: 0, total: 1 },
};

/** Answers `override` gives win; the rest is the happy path. */
function setUp(override?: (request: Parameters<Handler>[0]) => MockResponse | undefined) {
  signIn({ role: 'admin' as never });
  const bodies: Record<string, unknown> = {};
  const keys: (string | null)[] = [];
  const fetchMock = mockApi(async (request) => {
    const { method, path, body } = request;
    bodies[`${method} ${path}`] = body;
    if (method === 'POST' && path === '/campaigns')
      keys.push(request.headers.get('Idempotency-Key'));
    const answer = override?.(request);
    if (answer) return answer;
    if (method === 'GET' && path === '/customers') {
      return { body: { data: [CUSTOMER], nextCursor: null } };
    }
    if (method === 'POST' && path === '/campaigns') {
      const { start, csv } = body as { start: boolean; csv?: string };
      const status = start ? CampaignStatus.Running : CampaignStatus.Draft;
      return {
        status: 201,
        body: { ...CREATED, status, recipients: csv ? null : REPORT, imported: null },
      };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return {
    fetchMock,
    bodies,
    keys,
    ...renderWithProviders(
      <Routes>
        <Route path="/campaigns/new" element={<CampaignWizard CustomerSelect={CustomerSelect} />} />
        <Route path="/campaigns/:id" element={<p>The campaign page</p>} />
      </Routes>,
      { route: '/campaigns/new' },
    ),
  };
}

describe('campaign wizard', () => {
  it('reports customer ids that were not found among the skipped', () => {
    expect(
      describeRecipients({
        added: 2,
        skipped: { doNotCall: 0, duplicate: 0, alreadyInCampaign: 1, unknown: 3, total: 4 },
      }),
    ).toBe(
      '2 customers added; 4 skipped: 1 already in the campaign, 3 not found (deleted or mistyped ids).',
    );
  });

  it('creates the campaign with the chosen customers and starts it in one request, then opens it', async () => {
    const { user, fetchMock, bodies, keys } = setUp();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Name the campaign')).toBeVisible();

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Spring check-ups');
    await user.type(screen.getByRole('textbox', { name: /Opening line/ }), 'Hi there');
    await user.click(screen.getByRole('button', { name: 'Add variable' }));
    await user.type(screen.getByRole('textbox', { name: 'Variable 1 name' }), 'offer');
    await user.type(screen.getByRole('textbox', { name: 'Variable 1 value' }), '10 % off');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('Pick at least one customer')).toBeVisible();
    await user.click(screen.getByRole('textbox', { name: 'Add a customer' }));
    await user.click(await screen.findByRole('option', { name: /Ada/ }));
    expect(await screen.findByRole('listitem')).toHaveTextContent('Ada');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('checkbox', { name: /own calling window/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Sat' }));
    await user.type(screen.getByRole('textbox', { name: 'Attempts per customer' }), '2');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    const review = screen.getByRole('region', { name: 'Review' });
    expect(review).toHaveTextContent('Spring check-ups');
    expect(review).toHaveTextContent('Ada');
    await user.click(screen.getByRole('button', { name: 'Start now' }));

    expect(await screen.findByText('The campaign page')).toBeVisible();
    expect(
      await screen.findByText('Started: 1 customer added; 1 skipped: 1 do-not-call.'),
    ).toBeVisible();
    expect(requestsOf(fetchMock).filter((r) => r.startsWith('POST'))).toEqual(['POST /campaigns']);
    expect(keys).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)]);
    expect(bodies['POST /campaigns']).toEqual({
      name: 'Spring check-ups',
      purpose: 'sales',
      description: null,
      firstMessage: 'Hi there',
      scheduledAt: null,
      callingWindow: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6] },
      maxAttempts: 2,
      variables: { offer: '10 % off' },
      customerIds: [CUSTOMER.id],
      start: true,
    });
  });

  it('saves a tag audience as a draft in the same request, without starting it', async () => {
    const { user, fetchMock, bodies } = setUp();

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Tagged');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'By tag' }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'vip');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    expect(await screen.findByText('The campaign page')).toBeVisible();
    expect(
      await screen.findByText('Saved as a draft: 1 customer added; 1 skipped: 1 do-not-call.'),
    ).toBeVisible();
    expect(bodies['POST /campaigns']).toMatchObject({ filter: { tag: 'vip' }, start: false });
    expect(requestsOf(fetchMock).filter((r) => r.startsWith('POST'))).toEqual(['POST /campaigns']);
  });

  it('shows why a launch failed and stays on the review; a retried click sends the same key', async () => {
    let failures = 1;
    const { user, keys } = setUp(({ method, path }) =>
      method === 'POST' && path === '/campaigns' && failures-- > 0
        ? {
            status: 422,
            body: {
              message: 'Nobody of this audience can be called, so the campaign was not created',
            },
          }
        : undefined,
    );
    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Everyone');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'All customers' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Start now' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Nobody of this audience');
    expect(screen.getByRole('region', { name: 'Review' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Start now' }));
    expect(await screen.findByText('The campaign page')).toBeVisible();
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  describe('with a CSV audience', () => {
    // A quoted cell holds a comma and a line break: the preview must keep it one cell.
    const CSV =
      'phone,first_name,note\n+14155550123,Maya,"Lind, Maya\nsecond line"\nnot a phone,Bad,\n+14155550124,Ola,\n';
    const CHECK = {
      rows: 3,
      createdCustomers: 1,
      updatedCustomers: 1,
      added: 2,
      skipped: 0,
      rejected: [{ row: 3, phone: 'not a phone', reason: 'phone is not a valid number for US' }],
    };
    const IMPORTED = { ...CHECK, createdCustomers: 2, updatedCustomers: 0 };

    async function chooseCsv(user: ReturnType<typeof setUp>['user']) {
      await user.type(screen.getByRole('textbox', { name: /Name/ }), 'From a file');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('radio', { name: 'CSV upload' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await screen.findByText('Choose a CSV file')).toBeVisible();
      const input = document.querySelector('input[type="file"]') as HTMLInputElement;
      await user.upload(input, new File([CSV], 'audience.csv', { type: 'text/csv' }));
    }

    it('previews and checks the file, then creates the campaign with it and starts it in one request', async () => {
      const { user, fetchMock, bodies } = setUp(({ method, path }) => {
        if (method === 'POST' && path === '/campaigns/recipients/check') return { body: CHECK };
        if (method === 'POST' && path === '/campaigns') {
          const status = CampaignStatus.Running;
          return {
            status: 201,
            body: { ...CREATED, status, recipients: null, imported: IMPORTED },
          };
        }
        return undefined;
      });
      await chooseCsv(user);

      const preview = await screen.findByRole('table', { name: 'Preview' });
      expect(within(preview).getAllByRole('row')).toHaveLength(4);
      expect(within(preview).getByText(/^Lind, Maya\s+second line$/)).toBeVisible();
      const report = await screen.findByTestId('check-report');
      expect(report).toHaveTextContent(
        '3 rows: 2 would be added, 1 new customers, 1 updated, 0 not callable.',
      );
      const rejected = within(report).getByRole('table', { name: 'Rejected rows' });
      expect(within(rejected).getByText('not a phone')).toBeVisible();
      expect(within(rejected).getByText('phone is not a valid number for US')).toBeVisible();
      expect(bodies['POST /campaigns/recipients/check']).toEqual({ csv: CSV });
      // Checking wrote nothing: no campaign yet.
      expect(requestsOf(fetchMock)).not.toContain('POST /campaigns');

      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(screen.getByRole('region', { name: 'Review' })).toHaveTextContent(
        'audience.csv: 2 of 3 rows would be added (1 new customers, 1 updated), 1 rejected',
      );
      await user.click(screen.getByRole('button', { name: 'Start now' }));

      expect(await screen.findByText('The campaign page')).toBeVisible();
      expect(
        await screen.findByText(
          'Started: 2 of 3 rows added (2 new customers, 0 updated); 1 rejected.',
        ),
      ).toBeVisible();
      expect(requestsOf(fetchMock).filter((r) => r.startsWith('POST'))).toEqual([
        'POST /campaigns/recipients/check',
        'POST /campaigns',
      ]);
      expect(bodies['POST /campaigns']).toMatchObject({ csv: CSV, start: true });
    });

    it('will not go on with a file the check refuses', async () => {
      const { user } = setUp(({ method, path }) =>
        method === 'POST' && path === '/campaigns/recipients/check'
          ? {
              status: 400,
              body: {
                message: 'The CSV file is not usable: the header row must name a phone column',
                details: [{ field: 'csv', message: 'the header row must name a phone column' }],
              },
            }
          : undefined,
      );
      await chooseCsv(user);
      expect(await screen.findByRole('alert')).toHaveTextContent(
        'the header row must name a phone column',
      );
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await screen.findByText('This file cannot be imported; choose another')).toBeVisible();
      expect(screen.queryByRole('button', { name: 'Start now' })).not.toBeInTheDocument();
    });
  });
});

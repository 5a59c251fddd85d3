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
import { CampaignWizard, RecipientsReport } from './campaign-wizard';
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
  const fetchMock = mockApi(async (request) => {
    const { method, path, body } = request;
    bodies[`${method} ${path}`] = body;
    const answer = override?.(request);
    if (answer) return answer;
    if (method === 'GET' && path === '/customers') {
      return { body: { data: [CUSTOMER], nextCursor: null } };
    }
    if (method === 'POST' && path === '/campaigns') return { status: 201, body: CREATED };
    if (method === 'POST' && path === `/campaigns/${CREATED.id}/recipients`)
      return { body: REPORT };
    if (method === 'POST' && path === `/campaigns/${CREATED.id}/start`) {
      return { body: { ...CREATED, status: CampaignStatus.Running } };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return {
    fetchMock,
    bodies,
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
    renderWithProviders(
      <RecipientsReport
        result={{
          added: 2,
          skipped: { doNotCall: 0, duplicate: 0, alreadyInCampaign: 1, unknown: 3, total: 4 },
        }}
      />,
    );
    expect(screen.getByTestId('recipients-report')).toHaveTextContent(
      '4 skipped: 0 do-not-call, 0 duplicate numbers, 1 already in the campaign, 3 not found (deleted or mistyped ids).',
    );
  });

  it('creates the campaign, adds the chosen customers and starts it', async () => {
    const { user, fetchMock, bodies } = setUp();

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

    expect(await screen.findByText('Campaign started')).toBeVisible();
    const report = screen.getByTestId('recipients-report');
    expect(report).toHaveTextContent('1 customer added.');
    expect(report).toHaveTextContent('1 skipped: 1 do-not-call, 0 duplicate numbers');
    expect(screen.getByRole('link', { name: 'Open the campaign' })).toHaveAttribute(
      'href',
      `/campaigns/${CREATED.id}`,
    );
    expect(requestsOf(fetchMock).filter((r) => r.startsWith('POST'))).toEqual([
      'POST /campaigns',
      `POST /campaigns/${CREATED.id}/recipients`,
      `POST /campaigns/${CREATED.id}/start`,
    ]);
    expect(bodies['POST /campaigns']).toEqual({
      name: 'Spring check-ups',
      purpose: 'sales',
      description: null,
      firstMessage: 'Hi there',
      scheduledAt: null,
      callingWindow: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6] },
      maxAttempts: 2,
      variables: { offer: '10 % off' },
    });
    expect(bodies[`POST /campaigns/${CREATED.id}/recipients`]).toEqual({
      customerIds: [CUSTOMER.id],
    });
  });

  it('saves a tag audience as a draft without starting it, and says when adding failed', async () => {
    const { user, fetchMock, bodies } = setUp(({ method, path }) =>
      method === 'POST' && path.endsWith('/recipients')
        ? {
            status: 422,
            body: { message: 'filter.tag must be shorter than or equal to 50 characters' },
          }
        : undefined,
    );

    await user.type(screen.getByRole('textbox', { name: /Name/ }), 'Tagged');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('radio', { name: 'By tag' }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'vip');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Save as draft' }));

    expect(await screen.findByText(/saved, but not everything worked/)).toBeVisible();
    expect(screen.getByRole('alert')).toHaveTextContent('filter.tag must be shorter');
    expect(bodies[`POST /campaigns/${CREATED.id}/recipients`]).toEqual({ filter: { tag: 'vip' } });
    expect(requestsOf(fetchMock)).not.toContain(`POST /campaigns/${CREATED.id}/start`);
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

    it('previews and checks the file, then creates the campaign, imports it and starts it', async () => {
      const { user, fetchMock, bodies } = setUp(({ method, path }) => {
        if (method === 'POST' && path === '/campaigns/recipients/check') return { body: CHECK };
        if (method === 'POST' && path === `/campaigns/${CREATED.id}/recipients/import`)
          return { body: IMPORTED };
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
        `POST /campaigns/${CREATED.id}/recipients/import`,
        `POST /campaigns/${CREATED.id}/start`,
      ]);
      expect(bodies[`POST /campaigns/${CREATED.id}/recipients/import`]).toEqual({ csv: CSV });
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

    it('says so and lands on the draft when the import fails after the campaign was created', async () => {
      const { user, fetchMock } = setUp(({ method, path }) => {
        if (method === 'POST' && path === '/campaigns/recipients/check') return { body: CHECK };
        if (method === 'POST' && path.endsWith('/recipients/import'))
          return { status: 503, body: { message: 'The database is not answering' } };
        return undefined;
      });
      await chooseCsv(user);
      await screen.findByTestId('check-report');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(screen.getByRole('button', { name: 'Start now' }));

      expect(await screen.findByText('The campaign page')).toBeVisible();
      expect(
        await screen.findByText('The campaign was saved as a draft, but not everything worked'),
      ).toBeVisible();
      expect(screen.getByText('The database is not answering')).toBeVisible();
      expect(requestsOf(fetchMock)).not.toContain(`POST /campaigns/${CREATED.id}/start`);
    });
  });
});

import { CampaignStatus } from '@navaia/shared';
import { screen } from '@testing-library/react';
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
import { CampaignWizard } from './campaign-wizard';
import { makeCampaign } from './campaign-test-data';

const CUSTOMER = makeCustomer({ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', displayName: 'Ada' });
const CREATED = makeCampaign({ name: 'Spring check-ups' });
const REPORT = {
  added: 1,
  skipped: { doNotCall: 1, duplicate: 0, alreadyInCampaign: 0, total: 1 },
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
    ...renderWithProviders(<CampaignWizard CustomerSelect={CustomerSelect} />, {
      route: '/campaigns/new',
    }),
  };
}

describe('campaign wizard', () => {
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
});

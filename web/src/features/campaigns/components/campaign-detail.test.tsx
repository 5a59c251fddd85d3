import { CampaignStatus, RecipientStatus, type CampaignView } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { mockApi, renderWithProviders, requestsOf, signIn } from '../../../testing/test-utils';
import { campaignActions } from './campaign-actions';
import { CampaignDetail } from './campaign-detail';
import { makeCampaign, makeRecipient, makeStats } from './campaign-test-data';

function setUp(campaign: CampaignView, role = 'admin') {
  signIn({ role: role as never }, { timezone: 'Europe/Berlin' });
  const base = `/campaigns/${campaign.id}`;
  const fetchMock = mockApi(({ method, path }) => {
    if (method === 'GET' && path === `${base}/stats`) return { body: makeStats() };
    if (method === 'GET' && path === `${base}/recipients`) {
      return {
        body: {
          data: [
            makeRecipient({
              customer: { id: 'customer-a', displayName: 'Ada Lovelace' },
              status: RecipientStatus.NoAnswer,
              attempts: 1,
              nextAttemptAt: '2026-01-05T09:30:00.000Z',
              lastCallId: 'call-1',
              lastOutcome: 'no_answer',
              timezone: 'America/Denver',
              timezones: ['America/Denver', 'America/Phoenix'],
            }),
            makeRecipient({
              customer: { id: 'customer-b', displayName: 'Grace Hopper' },
              status: RecipientStatus.Completed,
              attempts: 1,
              lastCallId: 'call-2',
              lastOutcome: 'answered',
              ticketId: 'ticket-7',
            }),
          ],
          nextCursor: null,
        },
      };
    }
    if (method === 'POST' && path === `${base}/pause`) {
      return { body: { ...campaign, status: CampaignStatus.Paused } };
    }
    if (method === 'POST' && path === `${base}/cancel`) {
      return { body: { ...campaign, status: CampaignStatus.Cancelled } };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return {
    fetchMock,
    ...renderWithProviders(<CampaignDetail campaign={campaign} />, { route: base }),
  };
}

const posts = (fetchMock: Parameters<typeof requestsOf>[0]) =>
  requestsOf(fetchMock).filter((request) => request.startsWith('POST'));

describe('campaign page', () => {
  it('shows the live numbers, the funnel, the recipients and the calls link', async () => {
    const campaign = makeCampaign({ status: CampaignStatus.Running, name: 'Spring' });
    setUp(campaign);

    const progress = await screen.findByRole('region', { name: 'Progress' });
    // Completed 2 + no answer 1 + skipped 1 of 10 recipients have a final outcome.
    expect(within(progress).getByTestId('campaign-progress')).toHaveTextContent('4/10 · 40%');
    expect(within(progress).getByLabelText('Calls placed: 7')).toBeVisible();
    expect(within(progress).getByLabelText('Answered: 3')).toBeVisible();
    expect(within(progress).getByLabelText('Bookings: 1')).toBeVisible();
    expect(within(progress).getByLabelText('Booked revenue: $125.00 · €40.00')).toBeVisible();
    const funnel = screen.getByRole('region', { name: 'Outcome funnel' });
    expect(await within(funnel).findByLabelText('Tickets: 2')).toBeInTheDocument();

    const [row, answered] = await screen.findAllByTestId('recipient-row');
    expect(row).toHaveTextContent('Ada Lovelace');
    expect(row).toHaveTextContent('No answer');
    expect(row).toHaveTextContent('1/3');
    // A number whose area spans two zones shows both.
    expect(within(row).getByTitle('America/Denver, America/Phoenix')).toHaveTextContent(
      'Denver or Phoenix',
    );
    expect(answered).toHaveTextContent('Berlin');
    // 09:30 UTC in the tenant's zone (Berlin, UTC+1).
    expect(row).toHaveTextContent('10:30');
    expect(within(row).getByRole('link', { name: 'View call' })).toHaveAttribute(
      'href',
      '/calls/call-1',
    );
    // What a call produced is one click away.
    expect(within(answered).getByRole('link', { name: 'Ticket' })).toHaveAttribute(
      'href',
      '/tickets/ticket-7',
    );
    expect(within(row).queryByRole('link', { name: 'Ticket' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Calls of this campaign' })).toHaveAttribute(
      'href',
      `/calls?campaign=${campaign.id}`,
    );
  });

  it('pauses at once, but asks before cancelling', async () => {
    const campaign = makeCampaign({ status: CampaignStatus.Running });
    const { user, fetchMock } = setUp(campaign);

    await user.click(await screen.findByRole('button', { name: 'Pause' }));
    await expect.poll(() => posts(fetchMock)).toEqual([`POST /campaigns/${campaign.id}/pause`]);

    await user.click(screen.getByRole('button', { name: 'Cancel campaign' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('cannot be started again');
    expect(posts(fetchMock)).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Cancel campaign' }));
    await expect
      .poll(() => posts(fetchMock))
      .toEqual([`POST /campaigns/${campaign.id}/pause`, `POST /campaigns/${campaign.id}/cancel`]);
  });

  it('shows why the campaign paused itself, and offers Resume', async () => {
    setUp(makeCampaign({ status: CampaignStatus.Paused, pausedReason: 'Too many failed calls' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed calls');
    const actions = screen.getByRole('group', { name: 'Status actions' });
    expect(
      within(actions)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Resume', 'Cancel campaign']);
  });

  it('offers no actions to viewers', async () => {
    setUp(makeCampaign({ status: CampaignStatus.Running }), 'viewer');
    await screen.findByRole('region', { name: 'Progress' });
    expect(screen.queryByRole('group', { name: 'Status actions' })).not.toBeInTheDocument();
  });
});

describe('campaign actions by status', () => {
  const labels = (overrides: Partial<CampaignView>) =>
    campaignActions(makeCampaign(overrides)).map((action) => action.label);

  it('follows the lifecycle', () => {
    expect(labels({ status: CampaignStatus.Draft })).toEqual(['Start', 'Cancel campaign']);
    expect(
      labels({ status: CampaignStatus.Draft, scheduledAt: '2026-02-01T09:00:00+01:00' }),
    ).toEqual(['Schedule', 'Cancel campaign']);
    expect(labels({ status: CampaignStatus.Scheduled })).toEqual(['Pause', 'Cancel campaign']);
    expect(labels({ status: CampaignStatus.Running })).toEqual(['Pause', 'Cancel campaign']);
    expect(labels({ status: CampaignStatus.Paused })).toEqual(['Resume', 'Cancel campaign']);
    expect(labels({ status: CampaignStatus.Completed })).toEqual([]);
    expect(labels({ status: CampaignStatus.Cancelled })).toEqual([]);
    expect(
      campaignActions(makeCampaign({ status: CampaignStatus.Running })).find(
        (action) => action.status === 'cancel',
      )?.confirm,
    ).toBeTruthy();
  });
});

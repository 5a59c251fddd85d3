import type { DashboardSummary } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSummary } from '../../../testing/factories';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { Dashboard } from './dashboard';

function setUp(
  summary: DashboardSummary,
  points: Record<string, number[]> = {},
  route = '/dashboard',
) {
  signIn({}, { timezone: 'America/New_York' });
  const requests: { path: string; params: URLSearchParams }[] = [];
  mockApi(({ path, url }) => {
    requests.push({ path, params: url.searchParams });
    if (path === '/dashboard/summary') return { body: summary };
    if (path === '/dashboard/timeseries') {
      const metric = url.searchParams.get('metric') ?? '';
      const values = points[metric] ?? [0, 0, 0];
      return {
        body: {
          metric,
          interval: url.searchParams.get('interval'),
          timezone: 'America/New_York',
          ...(metric === 'revenue' ? { currency: url.searchParams.get('currency') } : {}),
          points: values.map((value, i) => ({ at: `2026-11-1${i}T05:00:00.000Z`, value })),
        },
      };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  return { requests, ...renderWithProviders(<Dashboard />, { route }) };
}

const card = (title: string) => screen.getByRole('group', { name: title });

describe('dashboard', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T15:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the KPI cards of the summary', async () => {
    setUp(
      makeSummary({
        calls: { total: 40, answered: 30, answerRate: 0.75, averageDurationSec: 125 },
        tickets: { total: 6, byStatus: { open: 2, in_progress: 1, resolved: 2, closed: 1 } },
        bookings: {
          total: 4,
          byStatus: { pending: 1, confirmed: 2, completed: 1, cancelled: 0, no_show: 0 },
        },
        revenue: [
          { currency: 'USD', amountCents: 125000 },
          { currency: 'EUR', amountCents: 9950 },
        ],
        callToBookingConversion: 0.1,
      }),
      { tickets: [1, 3, 2], bookings: [1, 1, 2], revenue: [0, 125000, 0], calls: [10, 20, 10] },
    );

    await screen.findByRole('group', { name: 'Tickets' });
    expect(card('Calls')).toHaveTextContent('40');
    expect(card('Calls')).toHaveTextContent('30 answered');
    expect(card('Answer rate')).toHaveTextContent('75%');
    expect(card('Average call')).toHaveTextContent('2:05');
    expect(card('Tickets')).toHaveTextContent('6');
    expect(card('Tickets')).toHaveTextContent('2 open · 1 in progress');
    expect(card('Bookings')).toHaveTextContent('4');
    expect(card('Revenue')).toHaveTextContent('$1,250.00');
    expect(card('Revenue')).toHaveTextContent('€99.50');
    expect(card('Calls → bookings')).toHaveTextContent('10%');

    const byStatus = screen.getByTestId('tickets-by-status');
    expect(within(byStatus).getByRole('listitem', { name: 'Resolved: 2' })).toBeVisible();
    expect(within(byStatus).getByRole('listitem', { name: 'In progress: 1' })).toBeVisible();
  });

  it('shows the call cards before there are calls, saying when they fill in', async () => {
    setUp(
      makeSummary({
        tickets: { total: 1, byStatus: { open: 0, in_progress: 0, resolved: 1, closed: 0 } },
      }),
      { tickets: [0, 1, 0] },
    );

    await screen.findByRole('group', { name: 'Calls' });
    expect(card('Calls')).toHaveTextContent('0');
    expect(card('Calls')).toHaveTextContent(
      'Fills in once the voice agent places or answers phone calls.',
    );
    expect(card('Answer rate')).toHaveTextContent('—');
    const calls = await screen.findByRole('region', { name: 'Calls over time' });
    expect(
      await within(calls).findByText(
        'Calls appear here once the voice agent places or answers phone calls.',
      ),
    ).toBeVisible();
  });

  it('explains what will appear when the period is empty', async () => {
    setUp(makeSummary());

    const tickets = await screen.findByRole('region', { name: 'Tickets by status' });
    expect(within(tickets).getByText('No tickets in this period')).toBeVisible();
    expect(
      within(tickets).getByText(
        'Tickets appear here when operators or the voice agent create them for a customer.',
      ),
    ).toBeVisible();
    const revenue = screen.getByRole('region', { name: 'Revenue over time' });
    expect(
      within(revenue).getByText(
        'Revenue appears here once bookings with an amount are confirmed or completed.',
      ),
    ).toBeVisible();
    expect(card('Revenue')).toHaveTextContent('—');
  });

  it("asks for whole days of the tenant's calendar, daily for a month and weekly for 90 days", async () => {
    const { requests, user } = setUp(makeSummary());
    await screen.findByRole('group', { name: 'Tickets' });

    const summary = requests.find((r) => r.path === '/dashboard/summary')!;
    // 30 days up to today (20 Nov in New York), from midnight to the midnight after today.
    expect(summary.params.get('from')).toBe('2026-10-22T00:00:00-04:00');
    expect(summary.params.get('to')).toBe('2026-11-21T00:00:00-05:00');
    const tickets = requests.find(
      (r) => r.path === '/dashboard/timeseries' && r.params.get('metric') === 'tickets',
    )!;
    expect(tickets.params.get('interval')).toBe('day');
    // No revenue in the period: no currency to chart, so no revenue series is asked for.
    expect(requests.some((r) => r.params.get('metric') === 'revenue')).toBe(false);

    await user.click(screen.getByText('Last 90 days'));
    const latestTickets = () =>
      requests.findLast(
        (r) => r.path === '/dashboard/timeseries' && r.params.get('metric') === 'tickets',
      );
    await expect.poll(() => latestTickets()?.params.get('interval')).toBe('week');
    expect(latestTickets()?.params.get('from')).toBe('2026-08-23T00:00:00-04:00');
  });

  it('shows an error with a retry when the figures cannot be loaded', async () => {
    signIn();
    mockApi(() => ({ status: 503, body: { statusCode: 503, message: 'Database unavailable' } }));
    renderWithProviders(<Dashboard />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the figures');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});

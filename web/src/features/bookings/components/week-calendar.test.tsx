import { BookingStatus } from '@navaia/shared';
import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeBooking } from '../../../testing/factories';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { WeekCalendar } from './week-calendar';

describe('week calendar', () => {
  it("fetches the tenant's week by start time, following the cursor to the end", async () => {
    signIn({}, { timezone: 'America/New_York' });
    const lists: URLSearchParams[] = [];
    mockApi(({ path, url }) => {
      if (path !== '/bookings') return { status: 404, body: { message: 'Not found' } };
      lists.push(url.searchParams);
      return url.searchParams.get('cursor')
        ? {
            body: {
              // 23:30 on Sunday in New York is already Monday in UTC: still Sunday here.
              data: [makeBooking({ service: 'Late call', startsAt: '2026-11-30T04:30:00Z' })],
              nextCursor: null,
            },
          }
        : {
            body: {
              data: [
                makeBooking({
                  service: 'Check-up',
                  startsAt: '2026-11-24T14:30:00Z',
                  endsAt: '2026-11-24T15:30:00Z',
                  status: BookingStatus.Confirmed,
                }),
              ],
              nextCursor: 'page-2',
            },
          };
    });
    renderWithProviders(<WeekCalendar week="2026-11-23" onWeekChange={() => {}} />);

    // Day and time formats follow the viewer's locale; the zone is the tenant's.
    const tuesday = await screen.findByRole('group', { name: /Tuesday.*24/ });
    const checkUp = within(tuesday).getByRole('link', {
      name: /Check-up, Ada Lovelace, Confirmed/,
    });
    expect(checkUp).toHaveAccessibleName(expect.stringMatching(/^0?9:30/));
    expect(checkUp).toHaveAttribute('href', expect.stringMatching(/^\/bookings\//));
    const sunday = screen.getByRole('group', { name: /Sunday.*29/ });
    expect(within(sunday).getByRole('link', { name: /Late call/ })).toHaveAccessibleName(
      expect.stringMatching(/^11:30/),
    );
    expect(screen.getByText(/2 bookings/)).toBeVisible();

    expect(lists).toHaveLength(2);
    expect(lists[0].get('from')).toBe('2026-11-23T00:00:00-05:00');
    expect(lists[0].get('to')).toBe('2026-11-30T00:00:00-05:00');
    expect(lists[0].get('order')).toBe('asc');
    expect(lists[0].get('limit')).toBe('100');
    expect(lists[1].get('cursor')).toBe('page-2');
    expect(lists[1].get('from')).toBe(lists[0].get('from'));
  });

  it('moves a week back and forth', async () => {
    signIn({}, { timezone: 'UTC' });
    mockApi(() => ({ body: { data: [], nextCursor: null } }));
    const onWeekChange = vi.fn();
    const { user } = renderWithProviders(
      <WeekCalendar week="2026-11-23" onWeekChange={onWeekChange} />,
    );

    expect(await screen.findByText('No bookings this week')).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Next week' }));
    await user.click(screen.getByRole('button', { name: 'Previous week' }));
    expect(onWeekChange.mock.calls).toEqual([['2026-11-30'], ['2026-11-16']]);
  });
});

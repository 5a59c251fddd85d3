import { screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeBooking, makeCustomer } from '../../../testing/factories';
import { mockApi, renderWithProviders, signIn } from '../../../testing/test-utils';
import { CustomerSelect } from '../../customers/components/customer-select';
import { BookingForm, type BookingFormProps } from './booking-form';

const ADA = makeCustomer({
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  displayName: 'Ada Lovelace',
  phone: '+4930123456',
});

function setUp(props: Partial<BookingFormProps> = {}) {
  // The tenant works in Berlin; the test machine runs in UTC (vitest sets TZ=UTC).
  signIn({ role: 'agent' as never }, { timezone: 'Europe/Berlin' });
  const posts: { body: unknown; key: string | null }[] = [];
  const customerSearches: (string | null)[] = [];
  mockApi(({ method, path, url, body, headers }) => {
    if (method === 'GET' && path === '/customers') {
      const search = url.searchParams.get('search');
      customerSearches.push(search);
      // The API searches; only a search that matches finds Ada.
      const data = search && /ada/i.test(search) ? [ADA] : [];
      return { body: { data, nextCursor: null } };
    }
    if (method === 'POST' && path === '/bookings') {
      posts.push({ body, key: headers.get('Idempotency-Key') });
      return { status: 201, body: makeBooking(body as object) };
    }
    return { status: 404, body: { message: 'Not found' } };
  });
  const onSaved = vi.fn();
  const view = renderWithProviders(
    <BookingForm
      CustomerSelect={CustomerSelect}
      onSaved={onSaved}
      onCancel={() => {}}
      {...props}
    />,
  );
  return { ...view, posts, customerSearches, onSaved };
}

describe('booking form', () => {
  beforeEach(() => {
    // Only the clock: the calendar opens on November 2026; timers stay real for the UI.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-20T10:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("sends the start as picked in the tenant's time zone, with its offset, and the amount in integer cents", async () => {
    const { user, posts, customerSearches, onSaved } = setUp();

    await user.type(screen.getByRole('textbox', { name: 'Customer' }), 'Ada');
    await user.click(await screen.findByRole('option', { name: /Ada Lovelace/ }));
    await user.type(screen.getByLabelText('Service', { exact: false }), 'Check-up');

    await user.click(screen.getByLabelText('Starts', { exact: false }));
    await user.click(await screen.findByRole('button', { name: '24 November 2026' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Starts: hours' }), '09');
    await user.type(screen.getByRole('spinbutton', { name: 'Starts: minutes' }), '30');
    await user.click(screen.getByRole('button', { name: 'Set starts time' }));

    await user.type(screen.getByLabelText('Amount', { exact: false }), '12.5');
    await user.click(screen.getByRole('button', { name: 'Create booking' }));

    await expect.poll(() => onSaved.mock.calls.length).toBe(1);
    expect(customerSearches).toContain('Ada');
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({
      customerId: ADA.id,
      service: 'Check-up',
      // 09:30 in Berlin in November is UTC+1, whatever zone the browser is in.
      startsAt: '2026-11-24T09:30:00+01:00',
      amountCents: 1250,
      currency: 'USD',
    });
    expect(Number.isInteger((posts[0].body as { amountCents: number }).amountCents)).toBe(true);
    expect(posts[0].key).toBeTruthy();
  });

  it("uses the offset of the tenant's summer time, and the currency's own minor units", async () => {
    const { user, posts } = setUp({
      customer: { id: ADA.id, label: ADA.displayName },
      startsAt: '2026-07-01 14:00:00',
    });

    expect(screen.getByRole('textbox', { name: 'Customer' })).toBeDisabled();
    await user.type(screen.getByLabelText('Service', { exact: false }), 'Cleaning');
    await user.click(screen.getByRole('textbox', { name: 'Currency' }));
    await user.clear(screen.getByRole('textbox', { name: 'Currency' }));
    await user.type(screen.getByRole('textbox', { name: 'Currency' }), 'JPY');
    await user.click(await screen.findByRole('option', { name: 'JPY' }));
    await user.type(screen.getByLabelText('Amount', { exact: false }), '1500');
    await user.click(screen.getByRole('button', { name: 'Create booking' }));

    await expect.poll(() => posts.length).toBe(1);
    expect(posts[0].body).toMatchObject({
      customerId: ADA.id,
      startsAt: '2026-07-01T14:00:00+02:00',
      amountCents: 1500,
      currency: 'JPY',
    });
  });

  it('refuses an end before the start without asking the API', async () => {
    const { user, posts } = setUp({
      customer: { id: ADA.id, label: ADA.displayName },
      startsAt: '2026-11-24 10:00:00',
    });

    await user.type(screen.getByLabelText('Service', { exact: false }), 'Check-up');
    await user.click(screen.getByLabelText('Ends', { exact: false }));
    await user.click(await screen.findByRole('button', { name: '24 November 2026' }));
    await user.type(screen.getByRole('spinbutton', { name: 'Ends: hours' }), '09');
    await user.type(screen.getByRole('spinbutton', { name: 'Ends: minutes' }), '00');
    await user.click(screen.getByRole('button', { name: 'Set ends time' }));
    await user.click(screen.getByRole('button', { name: 'Create booking' }));

    expect(await screen.findByText('The end must be after the start')).toBeVisible();
    expect(posts).toHaveLength(0);
  });

  it("shows the API's amountCents error next to the amount", async () => {
    signIn({ role: 'agent' as never }, { timezone: 'Europe/Berlin' });
    mockApi(() => ({
      status: 400,
      body: {
        statusCode: 400,
        error: 'validation_failed',
        message: 'Some fields are invalid',
        details: [{ field: 'amountCents', message: 'amountCents is above your limit' }],
      },
    }));
    const { user } = renderWithProviders(
      <BookingForm
        CustomerSelect={CustomerSelect}
        customer={{ id: ADA.id, label: ADA.displayName }}
        startsAt="2026-11-24 10:00:00"
        onSaved={() => {}}
        onCancel={() => {}}
      />,
    );

    await user.type(screen.getByLabelText('Service', { exact: false }), 'Check-up');
    await user.type(screen.getByLabelText('Amount', { exact: false }), '99');
    await user.click(screen.getByRole('button', { name: 'Create booking' }));

    expect(await screen.findByText('amountCents is above your limit')).toBeVisible();
    expect(screen.getByLabelText('Amount', { exact: false })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    expect(screen.queryByTestId('form-error')).not.toBeInTheDocument();
  });
});

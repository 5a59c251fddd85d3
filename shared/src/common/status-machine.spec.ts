import { BOOKING_TRANSITIONS, BookingStatus } from '../bookings/booking-status';
import { TICKET_TRANSITIONS, TicketStatus } from '../tickets/ticket-status';
import { canTransition, nextStatuses } from './status-machine';

describe('ticket workflow', () => {
  it.each([
    [TicketStatus.Open, TicketStatus.InProgress],
    [TicketStatus.InProgress, TicketStatus.Resolved],
    [TicketStatus.Resolved, TicketStatus.Closed],
    [TicketStatus.Resolved, TicketStatus.Open],
    [TicketStatus.Open, TicketStatus.Closed],
    [TicketStatus.InProgress, TicketStatus.Closed],
  ])('allows %s → %s', (from, to) =>
    expect(canTransition(TICKET_TRANSITIONS, from, to)).toBe(true),
  );

  it.each([
    [TicketStatus.Open, TicketStatus.Resolved],
    [TicketStatus.Closed, TicketStatus.Open],
    [TicketStatus.InProgress, TicketStatus.Open],
  ])('refuses %s → %s', (from, to) =>
    expect(canTransition(TICKET_TRANSITIONS, from, to)).toBe(false),
  );

  it('a closed ticket goes nowhere', () =>
    expect(nextStatuses(TICKET_TRANSITIONS, TicketStatus.Closed)).toEqual([]));
});

describe('booking workflow', () => {
  it('confirms, completes, cancels and marks no-shows only from the right states', () => {
    expect(nextStatuses(BOOKING_TRANSITIONS, BookingStatus.Pending)).toEqual([
      BookingStatus.Confirmed,
      BookingStatus.Cancelled,
    ]);
    expect(canTransition(BOOKING_TRANSITIONS, BookingStatus.Confirmed, BookingStatus.NoShow)).toBe(
      true,
    );
    expect(canTransition(BOOKING_TRANSITIONS, BookingStatus.Pending, BookingStatus.NoShow)).toBe(
      false,
    );
    expect(
      canTransition(BOOKING_TRANSITIONS, BookingStatus.Cancelled, BookingStatus.Confirmed),
    ).toBe(false);
  });
});

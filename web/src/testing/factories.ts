import {
  BookingStatus,
  TicketPriority,
  TicketSource,
  TicketStatus,
  type BookingView,
  type CustomerView,
  type DashboardSummary,
  type TicketView,
} from '@navaia/shared';

let sequence = 0;
const next = () => ++sequence;

export function makeCustomer(overrides: Partial<CustomerView> = {}): CustomerView {
  const n = next();
  return {
    id: `customer-${n}`,
    displayName: `Customer ${n}`,
    firstName: `Customer`,
    lastName: String(n),
    email: `customer-${n}@example.com`,
    phone: `+1415555${String(1000 + n).slice(-4)}`,
    timezone: null,
    localZones: ['America/Los_Angeles'],
    tags: [],
    notes: null,
    doNotCall: false,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    ...overrides,
  };
}

export function makeTicket(overrides: Partial<TicketView> = {}): TicketView {
  const n = next();
  return {
    id: `ticket-${n}`,
    number: n,
    subject: `Ticket ${n}`,
    description: null,
    priority: TicketPriority.Normal,
    status: TicketStatus.Open,
    source: TicketSource.Manual,
    customerId: 'customer-1',
    customer: { id: 'customer-1', displayName: 'Ada Lovelace' },
    assigneeId: null,
    voiceSessionId: null,
    callId: null,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}

export function makeBooking(overrides: Partial<BookingView> = {}): BookingView {
  const n = next();
  return {
    id: `booking-${n}`,
    customerId: 'customer-1',
    customer: { id: 'customer-1', displayName: 'Ada Lovelace' },
    service: `Service ${n}`,
    startsAt: '2026-01-05T09:00:00.000Z',
    endsAt: null,
    amountCents: 0,
    currency: 'USD',
    notes: null,
    status: BookingStatus.Pending,
    voiceSessionId: null,
    callId: null,
    createdAt: '2026-01-01T10:00:00.000Z',
    updatedAt: '2026-01-01T10:00:00.000Z',
    ...overrides,
  };
}

export function makeSummary(overrides: Partial<DashboardSummary> = {}): DashboardSummary {
  return {
    from: '2026-01-01T00:00:00.000Z',
    to: '2026-01-31T00:00:00.000Z',
    calls: { total: 0, answered: 0, answerRate: 0, averageDurationSec: 0 },
    tickets: { total: 0, byStatus: { open: 0, in_progress: 0, resolved: 0, closed: 0 } },
    bookings: {
      total: 0,
      byStatus: { pending: 0, confirmed: 0, completed: 0, cancelled: 0, no_show: 0 },
    },
    revenue: [],
    callToBookingConversion: 0,
    runningCampaigns: 0,
    ...overrides,
  };
}

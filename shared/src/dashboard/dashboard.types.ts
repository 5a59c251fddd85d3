import type { BookingStatus } from '../bookings/booking-status';
import type { TicketStatus } from '../tickets/ticket-status';

export interface DashboardSummary {
  from: string;
  to: string;
  calls: { total: number; answered: number; answerRate: number; averageDurationSec: number };
  tickets: { total: number; byStatus: Record<TicketStatus, number> };
  bookings: { total: number; byStatus: Record<BookingStatus, number> };
  /** Sum of amountCents of confirmed and completed bookings, per currency. */
  revenue: { currency: string; amountCents: number }[];
  /** Bookings created from calls ÷ answered calls, 0…1. */
  callToBookingConversion: number;
  runningCampaigns: number;
}

export interface TimeseriesPoint {
  /** Start of the bucket (a day or an ISO week) in the tenant's time zone. */
  at: string;
  value: number;
}

export interface DashboardTimeseries {
  metric: string;
  interval: 'day' | 'week';
  timezone: string;
  /** For revenue: the currency of the values (minor units). */
  currency?: string;
  points: TimeseriesPoint[];
}

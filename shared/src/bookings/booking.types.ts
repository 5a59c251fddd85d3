import type { BookingStatus } from './booking-status';

export interface BookingView {
  id: string;
  customerId: string;
  customer: { id: string; displayName: string } | null;
  service: string;
  startsAt: string;
  endsAt: string | null;
  amountCents: number;
  currency: string;
  notes: string | null;
  status: BookingStatus;
  voiceSessionId: string | null;
  callId: string | null;
  createdAt: string;
  updatedAt: string;
}

import type { BookingView } from '@navaia/shared';
import { fromMinorUnits, toMinorUnits } from '../../../lib/money';
import { isoToWallClock, wallClockToIso, type WallClock } from '../../../lib/tenant-time';
import type { CreateBookingBody } from '../api/create-booking';
import type { UpdateBookingBody } from '../api/update-booking';

export const DEFAULT_CURRENCY = 'USD';

/**
 * What the booking form edits. Times are wall-clock times in the tenant's time zone (what the
 * date pickers show); the amount is in major units (dollars), as people type it.
 */
export interface BookingFormValues {
  customerId: string | null;
  service: string;
  startsAt: WallClock | null;
  endsAt: WallClock | null;
  amount: number | '';
  currency: string;
  notes: string;
}

/** Form fields whose API (DTO) name differs. */
export const BOOKING_FIELD_ALIASES = { amountCents: 'amount' } as const;

export function emptyBooking(preset: Partial<BookingFormValues> = {}): BookingFormValues {
  return {
    customerId: null,
    service: '',
    startsAt: null,
    endsAt: null,
    amount: '',
    currency: DEFAULT_CURRENCY,
    notes: '',
    ...preset,
  };
}

export function toFormValues(booking: BookingView, zone: string): BookingFormValues {
  return {
    customerId: booking.customerId,
    service: booking.service,
    startsAt: isoToWallClock(booking.startsAt, zone),
    endsAt: booking.endsAt ? isoToWallClock(booking.endsAt, zone) : null,
    amount: booking.amountCents ? fromMinorUnits(booking.amountCents, booking.currency) : '',
    currency: booking.currency,
    notes: booking.notes ?? '',
  };
}

const currencyOf = (values: BookingFormValues) => values.currency.trim().toUpperCase();

/** The form's values in the DTO's shape (times with the tenant's offset, integer minor units). */
export function toBookingDto(values: BookingFormValues, zone: string) {
  return {
    customerId: values.customerId ?? '',
    service: values.service,
    startsAt: values.startsAt ? wallClockToIso(values.startsAt, zone) : '',
    endsAt: values.endsAt ? wallClockToIso(values.endsAt, zone) : undefined,
    amountCents: values.amount === '' ? undefined : toMinorUnits(values.amount, currencyOf(values)),
    currency: currencyOf(values),
    notes: values.notes.trim() ? values.notes : undefined,
  };
}

export function toCreateBookingBody(values: BookingFormValues, zone: string): CreateBookingBody {
  const dto = toBookingDto(values, zone);
  const body: CreateBookingBody = {
    customerId: dto.customerId,
    service: dto.service.trim(),
    startsAt: dto.startsAt,
    currency: dto.currency,
  };
  if (dto.endsAt) body.endsAt = dto.endsAt;
  if (dto.amountCents !== undefined) body.amountCents = dto.amountCents;
  if (dto.notes) body.notes = dto.notes.trim();
  return body;
}

/** Only what changed; an emptied end time or note is cleared, an emptied amount is zero. */
export function toUpdateBookingBody(
  values: BookingFormValues,
  before: BookingFormValues,
  zone: string,
): UpdateBookingBody {
  const body: UpdateBookingBody = {};
  const dto = toBookingDto(values, zone);
  if (values.service.trim() !== before.service.trim()) body.service = dto.service.trim();
  if (values.startsAt !== before.startsAt) body.startsAt = dto.startsAt;
  if (values.endsAt !== before.endsAt) body.endsAt = dto.endsAt ?? null;
  if (values.amount !== before.amount || currencyOf(values) !== currencyOf(before)) {
    body.amountCents = dto.amountCents ?? 0;
  }
  if (currencyOf(values) !== currencyOf(before)) body.currency = dto.currency;
  if (values.notes.trim() !== before.notes.trim()) body.notes = values.notes.trim() || null;
  return body;
}

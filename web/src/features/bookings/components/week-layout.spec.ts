import { describe, expect, it } from 'vitest';
import { makeBooking } from '../../../testing/factories';
import { placeDay, visibleHours } from './week-layout';

const at = (time: string) => `2026-11-24T${time}:00+01:00`;

describe('week layout', () => {
  it("places bookings by their start and end in the tenant's zone", () => {
    const [item] = placeDay(
      [makeBooking({ startsAt: at('09:30'), endsAt: at('10:15') })],
      'Europe/Berlin',
    );
    expect(item).toMatchObject({ start: 570, end: 615, lane: 0, lanes: 1 });
  });

  it('draws a booking without an end as half an hour', () => {
    const [item] = placeDay([makeBooking({ startsAt: at('14:00') })], 'Europe/Berlin');
    expect(item.end - item.start).toBe(30);
  });

  it('puts overlapping bookings side by side and others full width', () => {
    const placed = placeDay(
      [
        makeBooking({ service: 'A', startsAt: at('09:00'), endsAt: at('10:00') }),
        makeBooking({ service: 'B', startsAt: at('09:30'), endsAt: at('10:30') }),
        makeBooking({ service: 'C', startsAt: at('10:00'), endsAt: at('11:00') }),
        makeBooking({ service: 'D', startsAt: at('13:00'), endsAt: at('14:00') }),
      ],
      'Europe/Berlin',
    );
    const layout = Object.fromEntries(
      placed.map((p) => [p.booking.service, `${p.lane}/${p.lanes}`]),
    );
    // C starts when A ends, so it takes A's lane.
    expect(layout).toEqual({ A: '0/2', B: '1/2', C: '0/2', D: '0/1' });
  });

  it('widens the working hours to show early and late bookings', () => {
    expect(visibleHours([])).toEqual({ first: 7, last: 20 });
    const placed = placeDay(
      [
        makeBooking({ startsAt: at('05:15') }),
        makeBooking({ startsAt: at('21:00'), endsAt: at('22:30') }),
      ],
      'Europe/Berlin',
    );
    expect(visibleHours(placed)).toEqual({ first: 5, last: 23 });
  });
});

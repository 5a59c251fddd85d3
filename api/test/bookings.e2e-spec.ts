import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp, registerTenant } from './support/app';
import { createBooking, createCustomer } from './support/records';

describe('bookings', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('books a service with times given with an offset, amounts in minor units', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t, { firstName: 'Bo' });
    const b = await createBooking(app, t, {
      customerId: c.id,
      service: 'Haircut',
      startsAt: '2026-11-24T09:30:00+01:00',
      endsAt: '2026-11-24T10:15:00+01:00',
      amountCents: 4500,
      currency: 'eur',
    });
    expect(b).toMatchObject({
      status: 'pending',
      startsAt: '2026-11-24T08:30:00.000Z',
      endsAt: '2026-11-24T09:15:00.000Z',
      amountCents: 4500,
      currency: 'EUR',
      customer: { id: c.id, displayName: 'Bo' },
    });
    const plain = await createBooking(app, t, {
      customerId: c.id,
      service: 'Consult',
      startsAt: '2026-11-25T12:00:00Z',
    });
    expect(plain).toMatchObject({ amountCents: 0, currency: 'USD', endsAt: null });
  });

  it('rejects an end before the start, a date without a time, and a fractional amount, on their fields', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const field = async (body: object) =>
      (
        await http
          .post('/api/v1/bookings')
          .set(t.auth)
          .send({ customerId: c.id, service: 'X', ...body })
          .expect(400)
      ).body.details[0].field;
    expect(await field({ startsAt: '2026-11-24T10:00:00Z', endsAt: '2026-11-24T09:00:00Z' })).toBe(
      'endsAt',
    );
    expect(await field({ startsAt: 'tomorrow' })).toBe('startsAt');
    expect(await field({ startsAt: '2026-11-24T10:00:00Z', amountCents: 10.5 })).toBe(
      'amountCents',
    );
    expect(await field({ startsAt: '2026-11-24T10:00:00Z', currency: 'dollars' })).toBe('currency');
  });

  it('follows the booking workflow; anything else is 409', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const b = await createBooking(app, t, {
      customerId: c.id,
      service: 'Massage',
      startsAt: '2026-12-01T15:00:00Z',
    });
    const move = (status: string) =>
      http.patch(`/api/v1/bookings/${b.id}`).set(t.auth).send({ status });
    const refused = await move('completed').expect(409);
    expect(refused.body.details).toEqual({
      from: 'pending',
      to: 'completed',
      allowed: ['confirmed', 'cancelled'],
    });
    await move('confirmed').expect(200);
    await move('no_show').expect(200);
    await move('confirmed').expect(409);
  });

  it('filters by time window and status, and orders by start time either way', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const make = (startsAt: string) =>
      createBooking(app, t, { customerId: c.id, service: 'S', startsAt });
    const mon = await make('2026-11-23T09:00:00Z');
    const wed = await make('2026-11-25T09:00:00Z');
    const sun = await make('2026-11-29T09:00:00Z');
    await make('2026-12-02T09:00:00Z');
    await http
      .patch(`/api/v1/bookings/${wed.id}`)
      .set(t.auth)
      .send({ status: 'confirmed' })
      .expect(200);
    const ids = async (query: string) =>
      (await http.get(`/api/v1/bookings?${query}`).set(t.auth).expect(200)).body.data.map(
        (x: { id: string }) => x.id,
      );
    const week = 'from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z';
    expect(await ids(week)).toEqual([sun.id, wed.id, mon.id]);
    expect(await ids(`${week}&order=asc&limit=2`)).toEqual([mon.id, wed.id]);
    expect(await ids(`${week}&status=confirmed`)).toEqual([wed.id]);
    const page1 = await http
      .get(`/api/v1/bookings?${week}&order=asc&limit=2`)
      .set(t.auth)
      .expect(200);
    const page2 = await http
      .get(`/api/v1/bookings?${week}&order=asc&limit=2&cursor=${page1.body.nextCursor}`)
      .set(t.auth)
      .expect(200);
    expect(page2.body.data.map((x: { id: string }) => x.id)).toEqual([sun.id]);
    expect(
      (await http.get(`/api/v1/customers/${c.id}/bookings?${week}`).set(t.auth).expect(200)).body
        .data,
    ).toHaveLength(3);
  });

  it('should not show or change another tenant’s booking (404), nor book its customers', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const c = await createCustomer(app, a);
    const booking = await createBooking(app, a, {
      customerId: c.id,
      service: 'S',
      startsAt: '2026-12-01T10:00:00Z',
    });
    await http.get(`/api/v1/bookings/${booking.id}`).set(b.auth).expect(404);
    await http
      .patch(`/api/v1/bookings/${booking.id}`)
      .set(b.auth)
      .send({ status: 'confirmed' })
      .expect(404);
    await http
      .post('/api/v1/bookings')
      .set(b.auth)
      .send({ customerId: c.id, service: 'S', startsAt: '2026-12-01T10:00:00Z' })
      .expect(404);
    expect((await http.get('/api/v1/bookings').set(b.auth).expect(200)).body.data).toEqual([]);
  });
});

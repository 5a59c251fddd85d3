import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp, queryAsOwner, registerTenant } from './support/app';
import { createBooking, createCustomer, createTicket } from './support/records';

describe('dashboard', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('counts tickets and bookings by status and revenue, per tenant, kept up to date by every change', async () => {
    const t = await registerTenant(app);
    const other = await registerTenant(app);
    const c = await createCustomer(app, t);
    const t1 = await createTicket(app, t, { customerId: c.id, subject: 'One' });
    await createTicket(app, t, { customerId: c.id, subject: 'Two' });
    await http
      .patch(`/api/v1/tickets/${t1.id}`)
      .set(t.auth)
      .send({ status: 'in_progress' })
      .expect(200);
    const b1 = await createBooking(app, t, {
      customerId: c.id,
      service: 'A',
      startsAt: '2026-12-01T10:00:00Z',
      amountCents: 5000,
    });
    const b2 = await createBooking(app, t, {
      customerId: c.id,
      service: 'B',
      startsAt: '2026-12-01T11:00:00Z',
      amountCents: 2500,
    });
    await createBooking(app, t, {
      customerId: c.id,
      service: 'C',
      startsAt: '2026-12-01T12:00:00Z',
      amountCents: 9900,
    });
    await http
      .patch(`/api/v1/bookings/${b1.id}`)
      .set(t.auth)
      .send({ status: 'confirmed' })
      .expect(200);
    await http
      .patch(`/api/v1/bookings/${b2.id}`)
      .set(t.auth)
      .send({ status: 'confirmed' })
      .expect(200);
    await http
      .patch(`/api/v1/bookings/${b2.id}`)
      .set(t.auth)
      .send({ status: 'completed' })
      .expect(200);
    const oc = await createCustomer(app, other);
    await createTicket(app, other, { customerId: oc.id, subject: 'Elsewhere' });

    const res = await http.get('/api/v1/dashboard/summary').set(t.auth).expect(200);
    expect(res.body).toMatchObject({
      calls: { total: 0, answered: 0, answerRate: 0, averageDurationSec: 0 },
      tickets: { total: 2, byStatus: { open: 1, in_progress: 1, resolved: 0, closed: 0 } },
      bookings: {
        total: 3,
        byStatus: { pending: 1, confirmed: 1, completed: 1, cancelled: 0, no_show: 0 },
      },
      revenue: [{ currency: 'USD', amountCents: 7500 }],
      callToBookingConversion: 0,
      runningCampaigns: 0,
    });
  });

  it('gives the same counts whether the range spans one hour, whole days or a year', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    await createTicket(app, t, { customerId: c.id, subject: 'Counted once' });
    const now = Date.now();
    for (const back of [3600_000, 5 * 24 * 3600_000, 365 * 24 * 3600_000]) {
      const from = new Date(now - back).toISOString();
      const to = new Date(now + 3600_000).toISOString();
      const res = await http
        .get(`/api/v1/dashboard/summary?from=${from}&to=${to}`)
        .set(t.auth)
        .expect(200);
      expect({ back, total: res.body.tickets.total }).toEqual({ back, total: 1 });
    }
  });

  it('counts only what was created in the period', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    await createTicket(app, t, { customerId: c.id, subject: 'Now' });
    const past = await http
      .get('/api/v1/dashboard/summary?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z')
      .set(t.auth)
      .expect(200);
    expect(past.body.tickets.total).toBe(0);
  });

  it('draws a daily series in the tenant’s time zone, with empty days as zero', async () => {
    const t = await registerTenant(app);
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ timezone: 'America/New_York' })
      .expect(200);
    const c = await createCustomer(app, t);
    await createTicket(app, t, { customerId: c.id, subject: 'a' });
    await createTicket(app, t, { customerId: c.id, subject: 'b' });
    const to = new Date(Date.now() + 3600_000);
    const from = new Date(to.getTime() - 3 * 24 * 3600_000);
    const res = await http
      .get(
        `/api/v1/dashboard/timeseries?metric=tickets&interval=day&from=${from.toISOString()}&to=${to.toISOString()}`,
      )
      .set(t.auth)
      .expect(200);
    expect(res.body).toMatchObject({
      metric: 'tickets',
      interval: 'day',
      timezone: 'America/New_York',
    });
    expect(res.body.points.length).toBeGreaterThanOrEqual(3);
    expect(res.body.points.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBe(2);
    // Local midnights in New York are 04:00 or 05:00 UTC.
    for (const p of res.body.points) expect(p.at).toMatch(/T0[45]:00:00\.000Z$/);
    const calls = await http
      .get('/api/v1/dashboard/timeseries?metric=calls&interval=week')
      .set(t.auth)
      .expect(200);
    expect(calls.body.points.every((p: { value: number }) => p.value === 0)).toBe(true);
  });

  it('sums revenue per currency in the series', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const b = await createBooking(app, t, {
      customerId: c.id,
      service: 'A',
      startsAt: '2026-12-01T10:00:00Z',
      amountCents: 1234,
      currency: 'EUR',
    });
    await http
      .patch(`/api/v1/bookings/${b.id}`)
      .set(t.auth)
      .send({ status: 'confirmed' })
      .expect(200);
    const res = await http
      .get('/api/v1/dashboard/timeseries?metric=revenue')
      .set(t.auth)
      .expect(200);
    expect(res.body.currency).toBe('EUR');
    expect(res.body.points.reduce((s: number, p: { value: number }) => s + p.value, 0)).toBe(1234);
  });

  it('counts a call in flight in the total once, and its outcome when it ends', async () => {
    const t = await registerTenant(app);
    const c = await createCustomer(app, t);
    const summary = async () =>
      (await http.get('/api/v1/dashboard/summary').set(t.auth).expect(200)).body.calls;
    const [{ id }] = await queryAsOwner<{ id: string }>(
      `INSERT INTO calls (tenant_id, customer_id, purpose, status, provider, to_number)
       VALUES ($1, $2, 'support', 'queued', 'simulator', '+14155550100') RETURNING id`,
      [t.tenant.id, c.id],
    );
    const rows = () =>
      queryAsOwner<{ key: string; value: string }>(
        `SELECT key, value::text FROM activity_counters
          WHERE tenant_id = $1 AND metric = 'calls' ORDER BY key`,
        [t.tenant.id],
      );
    const queued = await rows();
    expect(queued).toEqual([{ key: 'open', value: '1' }]);
    for (const status of ['initiated', 'ringing', 'in_progress'])
      await queryAsOwner(`UPDATE calls SET status = $2 WHERE id = $1`, [id, status]);
    // Each step left the counter rows as they were.
    expect(await rows()).toEqual(queued);
    expect(await summary()).toEqual({
      total: 1,
      answered: 0,
      answerRate: 0,
      averageDurationSec: 0,
    });
    await queryAsOwner(`UPDATE calls SET status = 'completed', duration_sec = 42 WHERE id = $1`, [
      id,
    ]);
    expect(await rows()).toEqual([
      { key: 'completed', value: '1' },
      { key: 'open', value: '0' },
    ]);
    expect(await summary()).toEqual({
      total: 1,
      answered: 1,
      answerRate: 1,
      averageDurationSec: 42,
    });
  });

  it('rejects a reversed or unknown range and metric (400 on the field)', async () => {
    const t = await registerTenant(app);
    const reversed = await http
      .get('/api/v1/dashboard/summary?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')
      .set(t.auth)
      .expect(400);
    expect(reversed.body.details[0].field).toBe('from');
    await http
      .get('/api/v1/dashboard/summary?from=2010-01-01T00:00:00Z&to=2026-01-01T00:00:00Z')
      .set(t.auth)
      .expect(400);
    await http.get('/api/v1/dashboard/timeseries?metric=happiness').set(t.auth).expect(400);
    await http
      .get('/api/v1/dashboard/timeseries?metric=tickets&interval=month')
      .set(t.auth)
      .expect(400);
  });
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { addMember, createTestApp, registerTenant, TestTenant } from './support/app';

describe('customers', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  const create = (t: TestTenant, body: object) =>
    http.post('/api/v1/customers').set(t.auth).send(body);

  it('normalises a national phone number to E.164 with the tenant’s country and names the customer', async () => {
    const t = await registerTenant(app);
    const res = await create(t, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      phone: '(415) 555-0123',
      tags: ['VIP'],
    }).expect(201);
    expect(res.body).toMatchObject({
      phone: '+14155550123',
      displayName: 'Ada Lovelace',
      tags: ['vip'],
      doNotCall: false,
    });
    const unnamed = await create(t, { phone: '+442079460958' }).expect(201);
    expect(unnamed.body.displayName).toBe('+44 20 7946 0958');
  });

  it('uses the tenant’s default country for national numbers', async () => {
    const t = await registerTenant(app);
    await http.patch('/api/v1/tenant').set(t.auth).send({ defaultCountry: 'DE' }).expect(200);
    const res = await create(t, { phone: '030 1234567' }).expect(201);
    expect(res.body.phone).toBe('+49301234567');
  });

  it('rejects an invalid phone (400) and a phone another customer has (409), on the phone field', async () => {
    const t = await registerTenant(app);
    const bad = await create(t, { phone: '12' }).expect(400);
    expect(bad.body.details[0].field).toBe('phone');
    await create(t, { phone: '+14155550123' }).expect(201);
    const dup = await create(t, { phone: '415-555-0123' }).expect(409);
    expect(dup.body.details).toEqual([
      { field: 'phone', message: 'phone already belongs to another customer' },
    ]);
  });

  it('lets two tenants have a customer with the same phone', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    await create(a, { phone: '+14155550199' }).expect(201);
    await create(b, { phone: '+14155550199' }).expect(201);
  });

  it('rejects unknown fields such as tenantId (mass assignment)', async () => {
    const t = await registerTenant(app);
    await create(t, { phone: '+14155550123', tenantId: t.tenant.id }).expect(400);
    await create(t, { phone: '+14155550123', createdAt: '2020-01-01T00:00:00Z' }).expect(400);
  });

  it('searches name, email and phone as typed, filters by tag and do-not-call', async () => {
    const t = await registerTenant(app);
    await create(t, {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@navy.mil',
      phone: '+14155550101',
      tags: ['vip'],
    }).expect(201);
    await create(t, {
      firstName: 'Alan',
      lastName: 'Turing',
      email: 'alan@bletchley.uk',
      phone: '+442079460001',
      doNotCall: true,
    }).expect(201);
    const names = async (query: string) =>
      (await http.get(`/api/v1/customers?${query}`).set(t.auth).expect(200)).body.data.map(
        (c: { displayName: string }) => c.displayName,
      );
    expect(await names('search=hopp')).toEqual(['Grace Hopper']);
    expect(await names('search=BLETCHLEY')).toEqual(['Alan Turing']);
    expect(await names(`search=${encodeURIComponent('(415) 555-0101')}`)).toEqual(['Grace Hopper']);
    expect(await names('search=4155550101')).toEqual(['Grace Hopper']);
    expect(await names('search=grace%20hopper')).toEqual(['Grace Hopper']);
    expect(await names('search=%25')).toEqual([]);
    expect(await names('tag=VIP')).toEqual(['Grace Hopper']);
    expect(await names('doNotCall=true')).toEqual(['Alan Turing']);
    expect(await names('')).toEqual(['Alan Turing', 'Grace Hopper']);
    await http.get('/api/v1/customers?doNotCall=maybe').set(t.auth).expect(400);
  });

  it('pages through customers with a cursor, newest first', async () => {
    const t = await registerTenant(app);
    for (let i = 0; i < 5; i++)
      await create(t, { firstName: `C${i}`, phone: `+1415555020${i}` }).expect(201);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await http
        .get(`/api/v1/customers?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(t.auth)
        .expect(200);
      seen.push(...res.body.data.map((c: { firstName: string }) => c.firstName));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['C4', 'C3', 'C2', 'C1', 'C0']);
  });

  it('edits a customer; null clears an optional field; the phone stays unique', async () => {
    const t = await registerTenant(app);
    const a = (
      await create(t, { firstName: 'Ann', email: 'ann@example.com', phone: '+14155550301' })
    ).body;
    await create(t, { phone: '+14155550302' }).expect(201);
    const res = await http
      .patch(`/api/v1/customers/${a.id}`)
      .set(t.auth)
      .send({ email: null, lastName: 'Lee', doNotCall: true })
      .expect(200);
    expect(res.body).toMatchObject({
      email: null,
      lastName: 'Lee',
      displayName: 'Ann Lee',
      doNotCall: true,
    });
    await http
      .patch(`/api/v1/customers/${a.id}`)
      .set(t.auth)
      .send({ phone: '+14155550302' })
      .expect(409);
    await http.patch(`/api/v1/customers/${a.id}`).set(t.auth).send({ phone: null }).expect(400);
  });

  it('deletes a customer with their tickets', async () => {
    const t = await registerTenant(app);
    const c = (await create(t, { phone: '+14155550401' })).body;
    const ticket = (
      await http
        .post('/api/v1/tickets')
        .set(t.auth)
        .send({ customerId: c.id, subject: 'Broken' })
        .expect(201)
    ).body;
    await http.delete(`/api/v1/customers/${c.id}`).set(t.auth).expect(204);
    await http.get(`/api/v1/customers/${c.id}`).set(t.auth).expect(404);
    await http.get(`/api/v1/tickets/${ticket.id}`).set(t.auth).expect(404);
  });

  it('lets viewers read but not write', async () => {
    const t = await registerTenant(app);
    const viewer = await addMember(app, t, 'viewer');
    const c = (await create(t, { phone: '+14155550501' })).body;
    await http.get(`/api/v1/customers/${c.id}`).set(viewer.auth).expect(200);
    await http
      .post('/api/v1/customers')
      .set(viewer.auth)
      .send({ phone: '+14155550502' })
      .expect(403);
    await http
      .patch(`/api/v1/customers/${c.id}`)
      .set(viewer.auth)
      .send({ firstName: 'X' })
      .expect(403);
    await http.delete(`/api/v1/customers/${c.id}`).set(viewer.auth).expect(403);
  });

  it('should not show, change or delete another tenant’s customer or its records (404), nor list them', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const c = (await create(a, { firstName: 'Secret', phone: '+14155550601' })).body;
    for (const path of [
      `/api/v1/customers/${c.id}`,
      `/api/v1/customers/${c.id}/tickets`,
      `/api/v1/customers/${c.id}/bookings`,
    ]) {
      await http.get(path).set(b.auth).expect(404);
    }
    await http.patch(`/api/v1/customers/${c.id}`).set(b.auth).send({ firstName: 'X' }).expect(404);
    await http.delete(`/api/v1/customers/${c.id}`).set(b.auth).expect(404);
    const list = await http.get('/api/v1/customers?search=secret').set(b.auth).expect(200);
    expect(list.body.data).toEqual([]);
  });

  it('answers the same Idempotency-Key with the first response, and refuses it for another body', async () => {
    const t = await registerTenant(app);
    const key = `key-${Date.now()}`;
    const first = await create(t, { phone: '+14155550701' })
      .set('Idempotency-Key', key)
      .expect(201);
    const again = await create(t, { phone: '+14155550701' })
      .set('Idempotency-Key', key)
      .expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await create(t, { phone: '+14155550702' })
      .set('Idempotency-Key', key)
      .expect(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const list = await http.get('/api/v1/customers').set(t.auth).expect(200);
    expect(list.body.data).toHaveLength(1);
  });

  it('creates one record for concurrent requests with the same Idempotency-Key', async () => {
    const t = await registerTenant(app);
    const key = `race-${Date.now()}`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        create(t, { phone: '+14155550801' }).set('Idempotency-Key', key),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.body.id)).size).toBe(1);
  });
});

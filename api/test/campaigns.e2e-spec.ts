import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  CSV_IMPORT_MAX_ROWS,
  type CampaignStats,
  type CampaignView,
  type CustomerView,
  type RecipientView,
} from '@navaia/shared';
import { AppRole } from '../src/config/config';
import { CallReconciler } from '../src/modules/telephony/call-reconciler';
import { SimulatorTelephonyProvider } from '../src/modules/telephony/simulator/simulator.provider';
import { SimulatorWebhooks } from '../src/modules/voice/simulator/simulator-webhooks';
import { VoiceEventsProcessor } from '../src/modules/voice/voice-events.processor';
import {
  addMember,
  ALWAYS_OPEN_CALLING_WINDOW,
  createTestApp,
  queryAsOwner,
  registerTenant,
  TestTenant,
} from './support/app';
import { createBooking, createCustomer } from './support/records';
import { eventually, freePort } from './support/wait';

// Open all day (an end at the start is 24 hours): the tests pass at any hour.
const ALWAYS_OPEN = ALWAYS_OPEN_CALLING_WINDOW;

type Outcomes = {
  answered: number;
  voicemail: number;
  no_answer: number;
  busy: number;
  failed: number;
};

async function simulatorApp(callOutcomes: Outcomes) {
  const port = await freePort();
  const app = await createTestApp({
    role: AppRole.All,
    port,
    publicBaseUrl: `http://127.0.0.1:${port}`,
    simulator: { callOutcomes },
  });
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}

async function stopApp(app: NestFastifyApplication) {
  await app.get(SimulatorTelephonyProvider).drain();
  await app.get(SimulatorWebhooks).drain();
  await app.close();
}

describe('campaigns', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await simulatorApp({ answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 });
    http = request(app.getHttpServer());
  });
  afterAll(() => stopApp(app));

  const create = (t: TestTenant, body: object = {}) =>
    http
      .post('/api/v1/campaigns')
      .set(t.auth)
      .send({ name: 'Winter check-in', purpose: 'support', callingWindow: ALWAYS_OPEN, ...body })
      .expect(201)
      .then((r) => r.body as CampaignView);
  const view = (t: TestTenant, id: string) =>
    http
      .get(`/api/v1/campaigns/${id}`)
      .set(t.auth)
      .then((r) => r.body as CampaignView);
  const customers = (t: TestTenant, n: number, body: object = {}) =>
    Promise.all(Array.from({ length: n }, () => createCustomer(app, t, body)));
  const ids = (list: CustomerView[]) => list.map((c) => c.id);
  /** A new tenant (5 calls a second, 4 at once) with a draft campaign of `n` new customers. */
  const campaignOf = async (n: number, body: object = {}) => {
    const t = await registerTenant(app);
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ limits: { callsPerSecond: 5, maxConcurrentCalls: 4, dailyCallCap: 100 } })
      .expect(200);
    const campaign = await create(t, body);
    const audience = await customers(t, n);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: ids(audience) })
      .expect(200);
    return { t, campaign, audience };
  };

  it('is created as a draft, edited while draft or paused only, and deleted when not dialing', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t, { maxConcurrentCalls: 2, variables: { offer: '10 % off' } });
    expect(campaign).toMatchObject({
      status: 'draft',
      purpose: 'support',
      maxConcurrentCalls: 2,
      maxAttempts: 3,
      retryDelayMinutes: 60,
      variables: { offer: '10 % off' },
      progress: { total: 0, done: 0 },
    });
    const edited = await http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(t.auth)
      .send({ name: 'Spring check-in', maxAttempts: 2 })
      .expect(200);
    expect(edited.body).toMatchObject({ name: 'Spring check-in', maxAttempts: 2 });
    const bad = await http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(t.auth)
      .send({ status: 'running', maxAttempts: 99 });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'maxAttempts',
      'status',
    ]);
    const badVariable = await http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(t.auth)
      .send({ variables: { 'no spaces': 'x' } });
    expect(badVariable.status).toBe(400);
    expect(badVariable.body.details[0].field).toBe('variables.no spaces');

    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(422);
    await http.delete(`/api/v1/campaigns/${campaign.id}`).set(t.auth).expect(204);
    await http.get(`/api/v1/campaigns/${campaign.id}`).set(t.auth).expect(404);

    const agent = await addMember(app, t, 'agent');
    await http
      .post('/api/v1/campaigns')
      .set(agent.auth)
      .send({ name: 'x', purpose: 'support' })
      .expect(403);
    await http.get('/api/v1/campaigns').set(agent.auth).expect(200);
  });

  it('counts customer ids it does not know (deleted, or another tenant’s) as skipped, not added', async () => {
    const t = await registerTenant(app);
    const other = await registerTenant(app);
    const campaign = await create(t);
    const [mine, gone] = await customers(t, 2);
    const [theirs] = await customers(other, 1);
    await http.delete(`/api/v1/customers/${gone.id}`).set(t.auth).expect(204);
    const res = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: [mine.id, gone.id, theirs.id, mine.id] })
      .expect(200);
    expect(res.body).toEqual({
      added: 1,
      skipped: { doNotCall: 0, duplicate: 1, alreadyInCampaign: 0, unknown: 2, total: 3 },
    });
  });

  it('gives each recipient every zone its number’s area spans, and the customer’s own zone first of all', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t);
    const [arizona, london, stored] = await Promise.all([
      createCustomer(app, t, { phone: '+14805550142' }),
      createCustomer(app, t, { phone: '+442071234567' }),
      createCustomer(app, t, { phone: '+14805550143', timezone: 'Asia/Tokyo' }),
    ]);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: ids([arizona, london, stored]) })
      .expect(200);
    const list = await http
      .get(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .expect(200);
    const zones = Object.fromEntries(
      (list.body.data as RecipientView[]).map((r) => [r.customerId, [r.timezone, r.timezones]]),
    );
    expect(zones).toEqual({
      [arizona.id]: ['America/Denver', ['America/Denver', 'America/Phoenix']],
      [london.id]: ['Europe/London', ['Europe/London']],
      [stored.id]: ['Asia/Tokyo', ['Asia/Tokyo']],
    });
  });

  it('a filter tag finds the customers the customer list finds, whatever its case', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t);
    const [vip] = await Promise.all([
      createCustomer(app, t, { tags: ['VIP'] }),
      createCustomer(app, t, { tags: ['regular'] }),
    ]);
    const listed = await http.get('/api/v1/customers?tag=Vip').set(t.auth).expect(200);
    expect(ids(listed.body.data)).toEqual([vip.id]);
    const res = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ filter: { tag: 'Vip' } })
      .expect(200);
    expect(res.body.added).toBe(1);
  });

  it('a filter search finds the customers the customer list finds, also without digits', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t);
    const [alice, aliceB] = await Promise.all([
      createCustomer(app, t, { firstName: 'Alice', lastName: 'Martin' }),
      createCustomer(app, t, { firstName: 'Bob', email: 'alice.b@example.com' }),
      createCustomer(app, t, { firstName: 'Carol', lastName: 'Smith' }),
      createCustomer(app, t, { firstName: 'Dave' }),
    ]);
    const listed = await http.get('/api/v1/customers?search=Alice').set(t.auth).expect(200);
    expect(ids(listed.body.data).sort()).toEqual([alice.id, aliceB.id].sort());
    const res = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ filter: { search: 'Alice' } })
      .expect(200);
    expect(res.body.added).toBe(2);
    const recipients = await http
      .get(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .expect(200);
    expect((recipients.body.data as RecipientView[]).map((r) => r.customerId).sort()).toEqual(
      [alice.id, aliceB.id].sort(),
    );
    // Every word must match, as in the list; a blank search is no audience at all.
    const both = await http
      .post(`/api/v1/campaigns/${(await create(t)).id}/recipients`)
      .set(t.auth)
      .send({ filter: { search: 'alice martin' } })
      .expect(200);
    expect(both.body.added).toBe(1);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ filter: { search: '   ' } })
      .expect(400);
  });

  it('adds recipients by id or filter, skipping do-not-call, repeats and those already in', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t);
    const plain = await customers(t, 3);
    const [dnc] = await customers(t, 1, { doNotCall: true });
    const first = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: [...ids(plain), dnc.id, plain[0].id] })
      .expect(200);
    expect(first.body).toEqual({
      added: 3,
      skipped: { doNotCall: 1, duplicate: 1, alreadyInCampaign: 0, unknown: 0, total: 2 },
    });
    const tagged = await customers(t, 2, { tags: ['vip'] });
    const byTag = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ filter: { tag: 'vip' } })
      .expect(200);
    expect(byTag.body.added).toBe(2);
    const all = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ filter: { all: true } })
      .expect(200);
    expect(all.body).toEqual({
      added: 0,
      skipped: { doNotCall: 1, duplicate: 0, alreadyInCampaign: 5, unknown: 0, total: 6 },
    });
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: ids(plain), filter: { all: true } })
      .expect(400);

    const list = await http
      .get(`/api/v1/campaigns/${campaign.id}/recipients?status=pending&limit=2`)
      .set(t.auth)
      .expect(200);
    expect(list.body.data).toHaveLength(2);
    expect(list.body.nextCursor).toBeTruthy();
    expect((list.body.data as RecipientView[])[0]).toMatchObject({
      status: 'pending',
      attempts: 0,
      // A 415 number is in San Francisco, not New York.
      timezone: 'America/Los_Angeles',
      timezones: ['America/Los_Angeles'],
    });

    await http
      .delete(`/api/v1/campaigns/${campaign.id}/recipients/${tagged[0].id}`)
      .set(t.auth)
      .expect(204);
    expect((await view(t, campaign.id)).progress).toEqual({ total: 4, done: 0 });
    const mine = await http
      .get(`/api/v1/customers/${plain[1].id}/campaigns`)
      .set(t.auth)
      .expect(200);
    expect(mine.body.data.map((c: CampaignView) => c.id)).toEqual([campaign.id]);
  });

  it('refuses an empty calling window, and pauses with a reason a campaign whose stored window is broken', async () => {
    const t = await registerTenant(app);
    const refused = await http
      .post('/api/v1/campaigns')
      .set(t.auth)
      .send({ name: 'Broken', purpose: 'support', callingWindow: [] })
      .expect(400);
    expect(refused.body.details).toEqual([
      { field: 'callingWindow', message: expect.stringContaining('callingWindow') },
    ]);

    // A window stored before the rule existed.
    const campaign = await create(t);
    const audience = await customers(t, 2);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: ids(audience) })
      .expect(200);
    await queryAsOwner(`UPDATE campaigns SET calling_window = '[]' WHERE id = $1`, [campaign.id]);
    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
    const paused = await eventually(
      () => view(t, campaign.id),
      (c) => c.status === 'paused',
      10_000,
    );
    expect(paused.pausedReason).toBe(
      'Paused automatically: the calling window is not valid; set its start, end and days',
    );
    const [{ n }] = await queryAsOwner<{ n: number }>(
      `SELECT count(*)::int AS n FROM calls WHERE campaign_id = $1`,
      [campaign.id],
    );
    expect(n).toBe(0);
  });

  it('runs to completion on the simulator: every recipient called once, answered, with tickets', async () => {
    const { t, campaign, audience } = await campaignOf(6, { maxConcurrentCalls: 3 });
    const started = await http
      .post(`/api/v1/campaigns/${campaign.id}/start`)
      .set(t.auth)
      .expect(200);
    expect(started.body.status).toBe('running');
    await http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(t.auth)
      .send({ name: 'x' })
      .expect(409);

    const done = await eventually(
      () => view(t, campaign.id),
      (c) => c.status === 'completed',
      40_000,
    );
    expect(done.progress).toEqual({ total: 6, done: 6 });
    const stats = (await http.get(`/api/v1/campaigns/${campaign.id}/stats`).set(t.auth).expect(200))
      .body as CampaignStats;
    expect(stats).toMatchObject({ total: 6, callsPlaced: 6, answered: 6 });
    expect(stats.byStatus.completed).toBe(6);
    // Exactly one call per recipient.
    const calls = await queryAsOwner<{ customer_id: string; n: number }>(
      `SELECT customer_id, count(*)::int AS n FROM calls WHERE campaign_id = $1 GROUP BY 1`,
      [campaign.id],
    );
    expect(calls.map((c) => c.n)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(stats.ticketsCreated + stats.bookingsCreated).toBeGreaterThan(0);
    // Each recipient names what its call produced, as its conversation recorded it.
    const recipients = (
      await http.get(`/api/v1/campaigns/${campaign.id}/recipients`).set(t.auth).expect(200)
    ).body.data as RecipientView[];
    const produced = await queryAsOwner<{
      call_id: string;
      ticket_id: string | null;
      booking_id: string | null;
    }>(
      `SELECT c.id AS call_id, s.ticket_id, s.booking_id FROM calls c
         JOIN voice_sessions s ON s.id = c.voice_session_id WHERE c.campaign_id = $1`,
      [campaign.id],
    );
    expect(
      recipients.map((r) => ({
        call_id: r.lastCallId,
        ticket_id: r.ticketId,
        booking_id: r.bookingId,
      })),
    ).toEqual(expect.arrayContaining(produced));
    expect(recipients.filter((r) => r.ticketId || r.bookingId)).toHaveLength(
      stats.ticketsCreated + stats.bookingsCreated,
    );
    await http.post(`/api/v1/campaigns/${campaign.id}/pause`).set(t.auth).expect(409);

    // Revenue is one sum per currency, never added across currencies; pending bookings not.
    const sessions = await queryAsOwner<{ id: string }>(
      `UPDATE voice_sessions SET booking_id = NULL
        WHERE id IN (SELECT voice_session_id FROM calls WHERE campaign_id = $1) RETURNING id`,
      [campaign.id],
    );
    const bookings: [number, string, string][] = [
      [4_500, 'eur', 'confirmed'],
      [1_000, 'usd', 'completed'],
      [500, 'eur', 'confirmed'],
      [9_900, 'usd', 'cancelled'],
    ];
    for (const [i, [amountCents, currency, status]] of bookings.entries()) {
      const booking = await createBooking(app, t, {
        customerId: audience[i].id,
        service: 'Visit',
        startsAt: '2026-12-01T15:00:00Z',
        amountCents,
        currency,
      });
      await queryAsOwner(`UPDATE bookings SET status = $2 WHERE id = $1`, [booking.id, status]);
      await queryAsOwner(`UPDATE voice_sessions SET booking_id = $1 WHERE id = $2`, [
        booking.id,
        sessions[i].id,
      ]);
    }
    const priced = await http.get(`/api/v1/campaigns/${campaign.id}/stats`).set(t.auth).expect(200);
    expect((priced.body as CampaignStats).revenue).toEqual([
      { currency: 'EUR', amountCents: 5_000 },
      { currency: 'USD', amountCents: 1_000 },
    ]);
  });

  it('completes only once the conversations of its answered calls are processed, naming their tickets', async () => {
    const { t, campaign } = await campaignOf(3);
    // An integrator hears campaign.completed (at an address nothing listens on: the delivery's
    // body is what counts here).
    await queryAsOwner(
      `INSERT INTO webhook_endpoints (tenant_id, url, event_types, secret)
       VALUES ($1, 'http://127.0.0.1:9/hooks', '{campaign.completed}', 'whsec_test')`,
      [t.tenant.id],
    );
    const stats = () =>
      http
        .get(`/api/v1/campaigns/${campaign.id}/stats`)
        .set(t.auth)
        .then((r) => r.body as CampaignStats);
    // The conversations wait in the queue while every call ends.
    const voiceWorker = app.get(VoiceEventsProcessor).worker;
    await voiceWorker.pause();
    try {
      await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
      const ended = await eventually(stats, (s) => s.byStatus.completed === 3, 40_000);
      expect(ended.ticketsCreated + ended.bookingsCreated).toBe(0);
      // Several ticks find every recipient final, and the conversations not processed yet.
      await new Promise((r) => setTimeout(r, 3_000));
      expect((await view(t, campaign.id)).status).toBe('running');
    } finally {
      voiceWorker.resume();
    }
    const done = await eventually(
      () => view(t, campaign.id),
      (c) => c.status === 'completed',
      30_000,
    );
    expect(done.status).toBe('completed');
    const final = await stats();
    expect(final.ticketsCreated + final.bookingsCreated).toBe(3);
    const [delivery] = await queryAsOwner<{ body: string }>(
      `SELECT body FROM webhook_deliveries WHERE tenant_id = $1 AND event_type = 'campaign.completed'`,
      [t.tenant.id],
    );
    const event = JSON.parse(delivery.body) as { data: CampaignView & { stats: CampaignStats } };
    expect(event.data.status).toBe('completed');
    expect(event.data.stats).toEqual(final);
  });

  it('pause stops new dials within two seconds; resume finishes the campaign', async () => {
    const t = await registerTenant(app);
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ limits: { callsPerSecond: 1, maxConcurrentCalls: 2, dailyCallCap: 100 } })
      .expect(200);
    const campaign = await create(t, { maxConcurrentCalls: 1 });
    const audience = await customers(t, 4);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: ids(audience) })
      .expect(200);
    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
    await eventually(
      () => view(t, campaign.id),
      (c) => c.progress.done >= 1,
      20_000,
    );
    const paused = await http
      .post(`/api/v1/campaigns/${campaign.id}/pause`)
      .set(t.auth)
      .expect(200);
    expect(paused.body.status).toBe('paused');
    const dialsAt = async () =>
      (
        await queryAsOwner<{ n: number }>(
          `SELECT count(*)::int AS n FROM call_attempts a JOIN calls c ON c.id = a.call_id WHERE c.campaign_id = $1`,
          [campaign.id],
        )
      )[0].n;
    await new Promise((r) => setTimeout(r, 2_000));
    const afterPause = await dialsAt();
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await dialsAt()).toBe(afterPause);
    expect((await view(t, campaign.id)).progress.done).toBeLessThan(4);

    await http.post(`/api/v1/campaigns/${campaign.id}/resume`).set(t.auth).expect(200);
    const done = await eventually(
      () => view(t, campaign.id),
      (c) => c.status === 'completed',
      40_000,
    );
    expect(done.progress).toEqual({ total: 4, done: 4 });
    const perCustomer = await queryAsOwner<{ n: number }>(
      `SELECT count(*)::int AS n FROM calls c JOIN call_attempts a ON a.call_id = c.id
        WHERE c.campaign_id = $1 GROUP BY c.customer_id`,
      [campaign.id],
    );
    expect(perCustomer.every((r) => r.n === 1)).toBe(true);
  });

  it('cancel ends the campaign and cancels waiting recipients', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t, {
      // A window that is closed all day today in UTC and open another day: nobody is due.
      callingWindow: {
        start: '08:00',
        end: '09:00',
        days: [((new Date().getUTCDay() + 2) % 7) + 1],
      },
    });
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: ids(await customers(t, 2, { timezone: 'UTC' })) })
      .expect(200);
    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
    // Outside their window, recipients wait for it to open.
    const waiting = await eventually(
      () =>
        http
          .get(`/api/v1/campaigns/${campaign.id}/recipients`)
          .set(t.auth)
          .then((r) => r.body.data as RecipientView[]),
      (rs) => rs.every((r) => r.nextAttemptAt && new Date(r.nextAttemptAt) > new Date()),
    );
    for (const r of waiting) {
      expect(r.status).toBe('pending');
      expect(new Date(r.nextAttemptAt!).getUTCHours()).toBe(8);
    }
    const cancelled = await http
      .post(`/api/v1/campaigns/${campaign.id}/cancel`)
      .set(t.auth)
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', progress: { total: 2, done: 2 } });
    const stats = await http.get(`/api/v1/campaigns/${campaign.id}/stats`).set(t.auth).expect(200);
    expect(stats.body.byStatus.canceled).toBe(2);
    expect(stats.body.callsPlaced).toBe(0);
    await http.post(`/api/v1/campaigns/${campaign.id}/resume`).set(t.auth).expect(409);
  });

  it('imports a CSV audience: creates or updates customers by phone, extra columns as variables, a report of rejected rows', async () => {
    const t = await registerTenant(app);
    const campaign = await create(t);
    const [known] = await customers(t, 1, { firstName: 'Old' });
    const [dnc] = await customers(t, 1, { doNotCall: true });
    const csv = [
      'phone,first_name,last_name,email,plan',
      `${known.phone},Maya,Lind,maya@example.com,gold`,
      '+14155550999,Ola,"Nordmann, Jr.",,silver',
      'not a phone,Bad,Row,,',
      '+14155550999,Again,Same,,',
      `${dnc.phone},Nope,,,`,
      '+14155550998,Bad,Mail,not-an-email,',
      '+14155550997,Too,Many,,,extra',
    ].join('\n');
    const res = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients/import`)
      .set(t.auth)
      .send({ csv })
      .expect(200);
    // The do-not-call customer is updated too, but not added.
    expect(res.body).toMatchObject({ rows: 7, createdCustomers: 1, updatedCustomers: 2, added: 2 });
    expect(res.body.rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7, 8]);
    expect(res.body.rejected[0].reason).toContain('phone');
    expect(res.body.rejected[1].reason).toContain('earlier row');
    expect(res.body.rejected[2].reason).toContain('do-not-call');
    expect(res.body.rejected[3].reason).toContain('email');
    expect(res.body.rejected[4].reason).toContain('cells');

    const updated = await http.get(`/api/v1/customers/${known.id}`).set(t.auth).expect(200);
    expect(updated.body).toMatchObject({
      firstName: 'Maya',
      lastName: 'Lind',
      email: 'maya@example.com',
    });
    const recipients = (
      await http.get(`/api/v1/campaigns/${campaign.id}/recipients`).set(t.auth).expect(200)
    ).body.data as RecipientView[];
    expect(recipients.map((r) => r.variables.plan).sort()).toEqual(['gold', 'silver']);

    const noPhone = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients/import`)
      .set(t.auth)
      .send({ csv: 'name\nMaya' });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.details[0].field).toBe('csv');
  });

  it('checks a CSV audience without writing, with the report the real import then gives', async () => {
    const t = await registerTenant(app);
    const other = await registerTenant(app, 'Other');
    const [known] = await customers(t, 1, { firstName: 'Old' });
    const [same] = await customers(t, 1, { firstName: 'Same' });
    const [dnc] = await customers(t, 1, { doNotCall: true });
    // A customer of another tenant is a stranger here: the row creates a customer.
    const [foreign] = await customers(other, 1, { firstName: 'Theirs' });
    const csv = [
      'phone,first_name,plan',
      `${known.phone},Maya,gold`,
      `${same.phone},Same,silver`,
      `${foreign.phone},Ola,`,
      '"+1 415 555 1999","Lind, Maya",',
      'not a phone,Bad,',
      `${known.phone},Again,`,
      `${dnc.phone},Nope,`,
      '+14155551998,Too,Many,cells',
    ].join('\n');
    const counts = async () => {
      const [row] = await queryAsOwner<{
        customers: number;
        recipients: number;
        campaigns: number;
        audit: number;
      }>(
        `SELECT (SELECT count(*)::int FROM customers WHERE tenant_id = $1) AS customers,
                (SELECT count(*)::int FROM campaign_recipients WHERE tenant_id = $1) AS recipients,
                (SELECT count(*)::int FROM campaigns WHERE tenant_id = $1) AS campaigns,
                (SELECT count(*)::int FROM audit_log WHERE tenant_id = $1) AS audit`,
        [t.tenant.id],
      );
      return row;
    };
    const before = await counts();
    const checked = await http
      .post('/api/v1/campaigns/recipients/check')
      .set(t.auth)
      .send({ csv })
      .expect(200);
    expect(await counts()).toEqual(before);
    expect(checked.body).toMatchObject({
      rows: 8,
      createdCustomers: 2,
      updatedCustomers: 2,
      added: 4,
      skipped: 1,
    });
    expect(checked.body.rejected.map((r: { row: number }) => r.row)).toEqual([6, 7, 8, 9]);
    expect(checked.body.rejected[0]).toMatchObject({ phone: 'not a phone' });

    const campaign = await create(t);
    const imported = await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients/import`)
      .set(t.auth)
      .send({ csv })
      .expect(200);
    expect(imported.body).toEqual(checked.body);
    const theirs = await http.get(`/api/v1/customers/${foreign.id}`).set(other.auth).expect(200);
    expect(theirs.body.firstName).toBe('Theirs');

    const agent = await addMember(app, t, 'agent');
    await http.post('/api/v1/campaigns/recipients/check').set(agent.auth).send({ csv }).expect(403);
    for (const body of [{}, { csv: '' }, { csv: 42 }, { csv: 'name\nMaya' }]) {
      const bad = await http.post('/api/v1/campaigns/recipients/check').set(t.auth).send(body);
      expect({ body, status: bad.status }).toEqual({ body, status: 400 });
      expect(bad.body.details.map((d: { field: string }) => d.field)).toContain('csv');
    }
    expect(await counts()).toEqual({
      ...before,
      customers: before.customers + 2,
      recipients: before.recipients + 4,
      campaigns: before.campaigns + 1,
      audit: expect.any(Number),
    });
  });

  describe('launch in one request', () => {
    const launch = (t: TestTenant, body: object, key?: string) => {
      const req = http.post('/api/v1/campaigns').set(t.auth);
      if (key) req.set('Idempotency-Key', key);
      return req.send({
        name: 'Spring offer',
        purpose: 'sales',
        callingWindow: ALWAYS_OPEN,
        ...body,
      });
    };
    const campaignsOf = async (t: TestTenant) =>
      (await http.get('/api/v1/campaigns').set(t.auth).expect(200)).body.data as CampaignView[];
    const customersOf = async (t: TestTenant) =>
      (await http.get('/api/v1/customers').set(t.auth).expect(200)).body.data as CustomerView[];

    it('creates a campaign with its customers by id and starts it', async () => {
      const t = await registerTenant(app);
      const audience = await customers(t, 3);
      const [dnc] = await customers(t, 1, { doNotCall: true });
      const res = await launch(t, { customerIds: [...ids(audience), dnc.id], start: true });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        status: 'running',
        progress: { total: 3 },
        recipients: { added: 3, skipped: { doNotCall: 1, total: 1 } },
        imported: null,
      });
      expect(res.body.startedAt).not.toBeNull();
      const recipients = (
        await http.get(`/api/v1/campaigns/${res.body.id}/recipients`).set(t.auth).expect(200)
      ).body.data as RecipientView[];
      expect(recipients.map((r) => r.customerId).sort()).toEqual(ids(audience).sort());
    });

    it('creates a draft with the customers a filter finds, or schedules it when scheduledAt is ahead', async () => {
      const t = await registerTenant(app);
      await customers(t, 2, { tags: ['spring'] });
      await customers(t, 1);
      const draft = await launch(t, { filter: { tag: 'spring' } }).expect(201);
      expect(draft.body).toMatchObject({
        status: 'draft',
        progress: { total: 2 },
        recipients: { added: 2 },
      });
      const later = new Date(Date.now() + 3600_000).toISOString();
      const scheduled = await launch(t, {
        filter: { tag: 'spring' },
        scheduledAt: later,
        start: true,
      }).expect(201);
      expect(scheduled.body).toMatchObject({ status: 'scheduled', progress: { total: 2 } });
    });

    it('creates a campaign from a CSV file, reporting each rejected row, and starts it', async () => {
      const t = await registerTenant(app);
      const csv = ['phone,first_name,plan', '+14155550981,Ola,gold', 'not a phone,Bad,'].join('\n');
      const res = await launch(t, { csv, start: true }).expect(201);
      expect(res.body).toMatchObject({
        status: 'running',
        progress: { total: 1 },
        recipients: null,
        imported: { rows: 2, createdCustomers: 1, added: 1 },
      });
      expect(res.body.imported.rejected).toEqual([
        { row: 3, phone: 'not a phone', reason: expect.stringContaining('phone') },
      ]);
    });

    it('creates nothing when a step fails: a CSV over the limit, an unknown field, no one to call, two audiences', async () => {
      const t = await registerTenant(app);
      const [customer] = await customers(t, 1);
      const [dnc] = await customers(t, 1, { doNotCall: true });
      const tooLong = [
        'phone',
        ...Array.from(
          { length: CSV_IMPORT_MAX_ROWS + 1 },
          (_, i) => `+1415555${String(i).padStart(4, '0')}`,
        ),
      ].join('\n');
      const overLimit = await launch(t, { csv: tooLong, start: true });
      expect(overLimit.status).toBe(413);
      expect(overLimit.body.details[0].field).toBe('csv');

      const unknownField = await launch(t, {
        customerIds: [customer.id],
        start: true,
        colour: 'red',
      });
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.details[0].field).toBe('colour');

      // Every row rejected: the report says why, and the change its rows made is gone too.
      const rejected = await launch(t, {
        csv: ['phone,first_name', 'not a phone,Dan', `${dnc.phone},Nope`].join('\n'),
      });
      expect(rejected.status).toBe(422);
      expect(rejected.body.code).toBe('empty_audience');
      expect(rejected.body.details.imported).toMatchObject({ rows: 2, added: 0 });
      expect(rejected.body.details.imported.rejected).toHaveLength(2);
      const noneCallable = await launch(t, { customerIds: [dnc.id] });
      expect(noneCallable.status).toBe(422);
      expect(noneCallable.body).toMatchObject({
        code: 'empty_audience',
        details: { recipients: { added: 0, skipped: { doNotCall: 1 } } },
      });
      const startEmpty = await launch(t, { start: true });
      expect(startEmpty.status).toBe(422);
      const twoAudiences = await launch(t, { customerIds: [customer.id], filter: { all: true } });
      expect(twoAudiences.status).toBe(400);
      expect(twoAudiences.body.details[0].field).toBe('customerIds');

      expect(await campaignsOf(t)).toEqual([]);
      const left = await customersOf(t);
      expect(ids(left).sort()).toEqual([customer.id, dnc.id].sort());
      expect(left.find((c) => c.id === dnc.id)?.firstName).toBe(dnc.firstName);
    });

    it('replays the first answer for a repeated Idempotency-Key and creates one campaign', async () => {
      const t = await registerTenant(app);
      const audience = await customers(t, 2);
      const body = { customerIds: ids(audience), start: true };
      const first = await launch(t, body, 'launch-once').expect(201);
      const again = await launch(t, body, 'launch-once').expect(201);
      expect(again.body).toEqual(first.body);
      const list = await campaignsOf(t);
      expect(list.map((c) => c.id)).toEqual([first.body.id]);
      expect(list[0].progress.total).toBe(2);
    });
  });

  it('keeps campaigns and recipients within their tenant', async () => {
    const a = await registerTenant(app, 'A');
    const b = await registerTenant(app, 'B');
    const campaign = await create(a);
    const [customer] = await customers(a, 1);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(a.auth)
      .send({ customerIds: [customer.id] })
      .expect(200);
    for (const path of ['', '/recipients', '/stats']) {
      await http.get(`/api/v1/campaigns/${campaign.id}${path}`).set(b.auth).expect(404);
    }
    for (const action of ['start', 'pause', 'resume', 'cancel']) {
      await http.post(`/api/v1/campaigns/${campaign.id}/${action}`).set(b.auth).expect(404);
    }
    await http
      .patch(`/api/v1/campaigns/${campaign.id}`)
      .set(b.auth)
      .send({ name: 'x' })
      .expect(404);
    await http
      .delete(`/api/v1/campaigns/${campaign.id}/recipients/${customer.id}`)
      .set(b.auth)
      .expect(404);
    // B's campaign cannot take A's customers.
    const theirs = await create(b);
    const added = await http
      .post(`/api/v1/campaigns/${theirs.id}/recipients`)
      .set(b.auth)
      .send({ customerIds: [customer.id] })
      .expect(200);
    expect(added.body.added).toBe(0);
    expect(
      (await http.get('/api/v1/campaigns').set(b.auth)).body.data.map((c: CampaignView) => c.id),
    ).toEqual([theirs.id]);
  });
});

describe('campaign retries', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await simulatorApp({ answered: 0, voicemail: 0, no_answer: 1, busy: 0, failed: 0 });
    http = request(app.getHttpServer());
  });
  afterAll(() => stopApp(app));

  it('retries an unanswered call later inside the window, up to maxAttempts', async () => {
    const t = await registerTenant(app);
    const campaign = (
      await http
        .post('/api/v1/campaigns')
        .set(t.auth)
        .send({
          name: 'Follow-up',
          purpose: 'sales',
          callingWindow: ALWAYS_OPEN,
          maxAttempts: 2,
          retryDelayMinutes: 30,
        })
        .expect(201)
    ).body as CampaignView;
    const customer = await createCustomer(app, t);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: [customer.id] })
      .expect(200);
    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
    const recipient = async () =>
      (await http.get(`/api/v1/campaigns/${campaign.id}/recipients`).set(t.auth)).body
        .data[0] as RecipientView;
    const waiting = await eventually(recipient, (r) => r.lastOutcome === 'no_answer', 20_000);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 });
    const delayMin = (new Date(waiting.nextAttemptAt!).getTime() - Date.now()) / 60_000;
    expect(delayMin).toBeGreaterThan(30 * 0.8 - 1);
    expect(delayMin).toBeLessThan(30 * 1.2 + 1);

    // Its time comes (moved forward here): the second and last attempt, then final.
    await queryAsOwner(
      `UPDATE campaign_recipients SET next_attempt_at = now() WHERE campaign_id = $1`,
      [campaign.id],
    );
    const final = await eventually(recipient, (r) => r.status === 'no_answer', 20_000);
    expect(final.attempts).toBe(2);
    const done = await eventually(
      () =>
        http
          .get(`/api/v1/campaigns/${campaign.id}`)
          .set(t.auth)
          .then((r) => r.body as CampaignView),
      (c) => c.status === 'completed',
    );
    expect(done.progress).toEqual({ total: 1, done: 1 });
  });
});

describe('campaign progress stream', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await simulatorApp({ answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 });
  });
  afterAll(() => stopApp(app));

  it('streams the campaign and its stats as server-sent events until it completes', async () => {
    const http = request(app.getHttpServer());
    const t = await registerTenant(app);
    const campaign = (
      await http
        .post('/api/v1/campaigns')
        .set(t.auth)
        .send({ name: 'Live', purpose: 'support', callingWindow: ALWAYS_OPEN })
        .expect(201)
    ).body as CampaignView;
    const customer = await createCustomer(app, t);
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: [customer.id] })
      .expect(200);
    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
    const res = await http
      .get(`/api/v1/campaigns/${campaign.id}/events`)
      .set(t.auth)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(res.headers['content-type']).toContain('text/event-stream');
    const events = (res.body as string)
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => JSON.parse(line.slice(6)) as { campaign: CampaignView; stats: CampaignStats });
    expect(events.length).toBeGreaterThan(1);
    expect(events[0].campaign.status).toBe('running');
    const last = events[events.length - 1];
    expect(last.campaign.status).toBe('completed');
    expect(last.stats.byStatus.completed).toBe(1);

    const other = await registerTenant(app);
    await http.get(`/api/v1/campaigns/${campaign.id}/events`).set(other.auth).expect(404);
  });
});

describe('campaign safety', () => {
  it('pauses a campaign by itself when most of its calls fail, and says why', async () => {
    const app = await simulatorApp({ answered: 0, voicemail: 0, no_answer: 0, busy: 0, failed: 1 });
    try {
      const http = request(app.getHttpServer());
      const t = await registerTenant(app);
      await http
        .patch('/api/v1/tenant')
        .set(t.auth)
        .send({ limits: { callsPerSecond: 20, maxConcurrentCalls: 11, dailyCallCap: 100 } })
        .expect(200);
      const campaign = (
        await http
          .post('/api/v1/campaigns')
          .set(t.auth)
          .send({
            name: 'Dead list',
            purpose: 'support',
            callingWindow: ALWAYS_OPEN,
            maxAttempts: 1,
            maxConcurrentCalls: 10,
          })
          .expect(201)
      ).body as CampaignView;
      const audience = await Promise.all(Array.from({ length: 20 }, () => createCustomer(app, t)));
      await http
        .post(`/api/v1/campaigns/${campaign.id}/recipients`)
        .set(t.auth)
        .send({ customerIds: audience.map((c) => c.id) })
        .expect(200);
      await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
      const paused = await eventually(
        () =>
          http
            .get(`/api/v1/campaigns/${campaign.id}`)
            .set(t.auth)
            .then((r) => r.body as CampaignView),
        (c) => c.status === 'paused',
        30_000,
      );
      expect(paused.pausedReason).toMatch(/Paused automatically: \d+ of the last \d+ calls failed/);
      expect(paused.progress.done).toBeLessThan(20);
    } finally {
      await stopApp(app);
    }
  });

  it('a worker stopped mid-campaign: after the restart nobody is called twice and nobody is skipped', async () => {
    const outcomes = { answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 };
    let app = await simulatorApp(outcomes);
    let http = request(app.getHttpServer());
    const t = await registerTenant(app);
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ limits: { callsPerSecond: 2, maxConcurrentCalls: 3, dailyCallCap: 100 } })
      .expect(200);
    const campaign = (
      await http
        .post('/api/v1/campaigns')
        .set(t.auth)
        .send({
          name: 'Restart',
          purpose: 'support',
          callingWindow: ALWAYS_OPEN,
          maxAttempts: 1,
          maxConcurrentCalls: 2,
        })
        .expect(201)
    ).body as CampaignView;
    const audience = await Promise.all(Array.from({ length: 8 }, () => createCustomer(app, t)));
    await http
      .post(`/api/v1/campaigns/${campaign.id}/recipients`)
      .set(t.auth)
      .send({ customerIds: audience.map((c) => c.id) })
      .expect(200);
    await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
    await eventually(
      () =>
        http
          .get(`/api/v1/campaigns/${campaign.id}`)
          .set(t.auth)
          .then((r) => r.body as CampaignView),
      (c) => c.progress.done >= 2,
      30_000,
    );
    // The process goes away with calls in flight; its simulated calls die with it.
    await app.close();

    app = await simulatorApp(outcomes);
    http = request(app.getHttpServer());
    try {
      // Calls that died with the process are settled by the reconciler (aged here).
      const settle = async () => {
        await queryAsOwner(
          `UPDATE calls SET updated_at = now() - interval '3 hours'
            WHERE campaign_id = $1 AND status IN ('initiated', 'ringing', 'in_progress')`,
          [campaign.id],
        );
        await app.get(CallReconciler).reconcileAll();
        return http
          .get(`/api/v1/campaigns/${campaign.id}`)
          .set(t.auth)
          .then((r) => r.body as CampaignView);
      };
      const done = await eventually(settle, (c) => c.status === 'completed', 60_000);
      expect(done.progress).toEqual({ total: 8, done: 8 });
      const perCustomer = await queryAsOwner<{ customer_id: string; n: number }>(
        `SELECT c.customer_id, count(a.id)::int AS n FROM campaign_recipients r
           LEFT JOIN calls c ON c.campaign_id = r.campaign_id AND c.customer_id = r.customer_id
           LEFT JOIN call_attempts a ON a.call_id = c.id
          WHERE r.campaign_id = $1 GROUP BY 1`,
        [campaign.id],
      );
      expect(perCustomer).toHaveLength(8);
      expect(perCustomer.every((row) => row.n === 1)).toBe(true);
    } finally {
      await stopApp(app);
    }
  });
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import Redis from 'ioredis';
import request from 'supertest';
import twilio from 'twilio';
import type { CallDetailView, CallView } from '@navaia/shared';
import { AppRole } from '../src/config/config';
import { SimulatorTelephonyProvider } from '../src/modules/telephony/simulator/simulator.provider';
import { SimulatorWebhooks } from '../src/modules/voice/simulator/simulator-webhooks';
import {
  createTestApp,
  queryAsOwner,
  registerCallingTenant,
  registerTenant,
  TestTenant,
  testConfig,
} from './support/app';
import { createApiKey } from './support/api-keys';
import { REDIS_URL } from './support/env';
import { eventually, freePort } from './support/wait';
import { createCustomer } from './support/records';

const AUTH_TOKEN = 'twilio-test-auth-token';

describe('calls: outbound AI calls on the simulator, status callbacks, limits', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let base: string;
  let redis: Redis;

  /** Holds every dialing slot of the tenant (one, with a long lease): its calls stay queued. */
  async function holdDialing(t: TestTenant) {
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ limits: { callsPerSecond: 1, maxConcurrentCalls: 1, dailyCallCap: 100 } })
      .expect(200);
    await redis.zadd(`dial:active:${t.tenant.id}`, Date.now() + 3600_000, 'held-by-test');
  }

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = await createTestApp({
      role: AppRole.All,
      port,
      publicBaseUrl: base,
      bulkCallRequestsPerMinute: 3,
      simulator: { callOutcomes: { answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 } },
      twilio: { webhookAuthToken: AUTH_TOKEN },
      // Integrators' endpoints in these tests listen on loopback.
      outgoingWebhooks: { ...testConfig().outgoingWebhooks, allowPrivateTargets: true },
    });
    await app.listen({ port, host: '127.0.0.1' });
    http = request(app.getHttpServer());
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    redis.disconnect();
    await app.get(SimulatorTelephonyProvider).drain();
    await app.get(SimulatorWebhooks).drain();
    await app.close();
  });

  const detail = (t: TestTenant, id: string) =>
    http
      .get(`/api/v1/calls/${id}`)
      .set(t.auth)
      .then((r) => r.body as CallDetailView);
  const finished = (t: TestTenant, id: string) =>
    eventually(
      () => detail(t, id),
      (c) =>
        c.status !== 'queued' &&
        !!c.endedAt &&
        (c.status !== 'completed' || !!c.voiceSession?.outcome),
    );

  it('places a call: queued → initiated → ringing → in progress → completed, with a transcript and a ticket', async () => {
    const t = await registerCallingTenant(app);
    const customer = await createCustomer(app, t, { firstName: 'Maya', lastName: 'Lind' });
    const res = await http
      .post(`/api/v1/customers/${customer.id}/call`)
      .set(t.auth)
      .send({ purpose: 'support' })
      .expect(202);
    const queued = res.body as CallView;
    expect(queued).toMatchObject({
      status: 'queued',
      direction: 'outbound',
      purpose: 'support',
      provider: 'simulator',
      customerId: customer.id,
      to: customer.phone,
      customer: { id: customer.id, displayName: 'Maya Lind' },
    });

    const call = await finished(t, queued.id);
    expect(call.status).toBe('completed');
    expect(call.outcome).toBe('answered');
    expect(call.answeredBy).toBe('human');
    expect(call.providerCallSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(call.durationSec).toBeGreaterThanOrEqual(1);
    expect(call.voiceSession?.transcript.length).toBeGreaterThan(2);
    expect(call.voiceSession?.outcome).toBe('ticket_created');
    expect(call.ticketId).toBe(call.voiceSession?.ticketId);
    const applied = call.events.filter((e) => e.applied).map((e) => e.status);
    expect(applied).toEqual(['queued', 'initiated', 'ringing', 'in_progress', 'completed']);

    const ticket = await http.get(`/api/v1/tickets/${call.ticketId}`).set(t.auth).expect(200);
    expect(ticket.body).toMatchObject({
      source: 'voice',
      customerId: customer.id,
      callId: call.id,
    });

    const mine = await http.get(`/api/v1/customers/${customer.id}/calls`).set(t.auth).expect(200);
    expect(mine.body.data.map((c: CallView) => c.id)).toEqual([call.id]);
    const listed = await http
      .get('/api/v1/calls?status=completed&direction=outbound')
      .set(t.auth)
      .expect(200);
    expect(listed.body.data.map((c: CallView) => c.id)).toContain(call.id);

    const summary = await http.get('/api/v1/dashboard/summary').set(t.auth).expect(200);
    expect(summary.body.calls).toEqual({
      total: 1,
      answered: 1,
      answerRate: 1,
      averageDurationSec: call.durationSec,
    });
    // The counters keep a call under `open` until its outcome: the steps between moved no
    // counter row, and the outcome moved it once.
    const counters = await queryAsOwner<{ key: string; value: string }>(
      `SELECT key, sum(value)::text AS value FROM activity_counters
        WHERE tenant_id = $1 AND metric = 'calls' GROUP BY key HAVING sum(value) <> 0`,
      [t.tenant.id],
    );
    expect(counters).toEqual([{ key: 'completed', value: '1' }]);
  });

  it('tells integrators when a call is complete, naming what it produced', async () => {
    const received: { type: string; data: CallView }[] = [];
    const receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const t = await registerCallingTenant(app);
      const port = (receiver.address() as AddressInfo).port;
      await http
        .post('/api/v1/webhook-endpoints')
        .set(t.auth)
        .send({ url: `http://127.0.0.1:${port}/hooks`, eventTypes: ['call.completed'] })
        .expect(201);
      const customer = await createCustomer(app, t);
      const queued = (
        await http.post(`/api/v1/customers/${customer.id}/call`).set(t.auth).send({}).expect(202)
      ).body as CallView;
      await finished(t, queued.id);
      const [event] = await eventually(
        async () => received,
        (events) => events.length > 0,
      );
      expect(event.type).toBe('call.completed');
      expect(event.data).toMatchObject({ id: queued.id, status: 'completed', outcome: 'answered' });
      expect(event.data.ticketId).toBeTruthy();
      expect(received).toHaveLength(1);
    } finally {
      receiver.close();
    }
  });

  it('POST /calls places a sales call that ends in a booking', async () => {
    const t = await registerCallingTenant(app);
    const customer = await createCustomer(app, t);
    const res = await http
      .post('/api/v1/calls')
      .set(t.auth)
      .send({ customerId: customer.id, purpose: 'sales' })
      .expect(202);
    const call = await finished(t, res.body.id);
    expect(call.status).toBe('completed');
    expect(['booking_created', 'no_action']).toContain(call.voiceSession?.outcome);
    if (call.voiceSession?.outcome === 'booking_created') expect(call.bookingId).toBeTruthy();
  });

  it('refuses do-not-call customers and undiallable numbers with 422, unknown customers with 404', async () => {
    const t = await registerCallingTenant(app);
    const dnc = await createCustomer(app, t, { doNotCall: true });
    const refused = await http.post(`/api/v1/customers/${dnc.id}/call`).set(t.auth).send({});
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('customer_do_not_call');

    const broken = await createCustomer(app, t);
    // Shaped like E.164, but no such number exists.
    await queryAsOwner(`UPDATE customers SET phone = '+10000000000' WHERE id = $1`, [broken.id]);
    const invalid = await http.post('/api/v1/calls').set(t.auth).send({ customerId: broken.id });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('customer_phone_invalid');

    await http
      .post('/api/v1/calls')
      .set(t.auth)
      .send({ customerId: '0190f0f0-0000-7000-8000-000000000000' })
      .expect(404);
    const bad = await http
      .post('/api/v1/calls')
      .set(t.auth)
      .send({ customerId: 'nope', tenantId: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'customerId',
      'tenantId',
    ]);
    const none = await queryAsOwner(`SELECT count(*)::int AS n FROM calls WHERE tenant_id = $1`, [
      t.tenant.id,
    ]);
    expect(none[0].n).toBe(0);
  });

  it('keeps calls within their tenant: foreign ids are 404 and lists never show them', async () => {
    const a = await registerCallingTenant(app, 'A');
    const b = await registerCallingTenant(app, 'B');
    const customer = await createCustomer(app, a);
    const call = (await http.post(`/api/v1/customers/${customer.id}/call`).set(a.auth).send({}))
      .body as CallView;
    await http.get(`/api/v1/calls/${call.id}`).set(b.auth).expect(404);
    await http.post(`/api/v1/calls/${call.id}/cancel`).set(b.auth).expect(404);
    await http.post(`/api/v1/customers/${customer.id}/call`).set(b.auth).send({}).expect(404);
    await http.get(`/api/v1/customers/${customer.id}/calls`).set(b.auth).expect(404);
    await http.post('/api/v1/calls').set(b.auth).send({ customerId: customer.id }).expect(404);
    const list = await http.get('/api/v1/calls').set(b.auth).expect(200);
    expect(list.body.data).toEqual([]);
    const bulk = await http
      .post('/api/v1/calls/bulk')
      .set(b.auth)
      .send({ customerIds: [customer.id] })
      .expect(202);
    expect(bulk.body.rejected).toEqual([
      expect.objectContaining({ customerId: customer.id, reason: 'not_found' }),
    ]);
    await finished(a, call.id);
  });

  it('viewers read calls but may not place them', async () => {
    const t = await registerCallingTenant(app);
    const customer = await createCustomer(app, t);
    const { addMember } = await import('./support/app');
    const viewer = await addMember(app, t, 'viewer');
    await http.post(`/api/v1/customers/${customer.id}/call`).set(viewer.auth).send({}).expect(403);
    await http.get('/api/v1/calls').set(viewer.auth).expect(200);
  });

  describe('calling hours in the customer’s time zone', () => {
    const hourIn = (zone: string, at = new Date()) =>
      Number(
        new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' })
          .formatToParts(at)
          .find((p) => p.type === 'hour')!.value,
      );
    const hh = (hour: number) => `${String((hour + 24) % 24).padStart(2, '0')}:00`;
    /** Two hours open around now in Tokyo, so closed now in London (8 or 9 hours behind). */
    const openInTokyoOnly = () => {
      const hour = hourIn('Asia/Tokyo');
      return { start: hh(hour), end: hh(hour + 2), days: [1, 2, 3, 4, 5, 6, 7] };
    };
    async function tenantOpenInTokyoOnly() {
      const t = await registerTenant(app);
      const callingWindow = openInTokyoOnly();
      await http.patch('/api/v1/tenant').set(t.auth).send({ callingWindow }).expect(200);
      // A London number (no stored zone: its area says London) and a customer in Tokyo.
      const london = await createCustomer(app, t, { firstName: 'Lena', phone: '+442071234567' });
      const tokyo = await createCustomer(app, t, { firstName: 'Taro', timezone: 'Asia/Tokyo' });
      return { t, callingWindow, london, tokyo };
    }
    const auditOf = (callId: string) =>
      queryAsOwner<{ action: string; actor_type: string; after: Record<string, unknown> }>(
        `SELECT action, actor_type, after FROM audit_log WHERE entity_type = 'call' AND entity_id = $1`,
        [callId],
      );

    it('refuses a call outside the hours with 422, the customer’s local time and the next allowed time', async () => {
      const { t, callingWindow, london } = await tenantOpenInTokyoOnly();
      expect(london.localZones).toEqual(['Europe/London']);
      const before = new Date();
      for (const send of [
        () => http.post(`/api/v1/customers/${london.id}/call`).set(t.auth).send({}),
        () => http.post('/api/v1/calls').set(t.auth).send({ customerId: london.id }),
      ]) {
        const res = await send();
        expect(res.status).toBe(422);
        expect(res.body.code).toBe('outside_calling_window');
        const { details } = res.body;
        expect(details).toMatchObject({
          customerId: london.id,
          timezone: 'Europe/London',
          timezones: ['Europe/London'],
          callingWindow,
        });
        const hour = hourIn('Europe/London', before);
        expect(details.localTime).toMatch(/^\d\d:\d\d$/);
        expect([hh(hour).slice(0, 2), hh(hour + 1).slice(0, 2)]).toContain(
          details.localTime.slice(0, 2),
        );
        // The same instant, as London's clock reads it, with London's offset.
        expect(Math.abs(Date.parse(details.localTimeIso) - before.getTime())).toBeLessThan(60_000);
        expect(details.localTimeIso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0[01]:00$/);
        expect(details.localTimeIso.slice(11, 16)).toBe(details.localTime);
        // The window opens at its start on the customer's clock, within a day.
        const next = Date.parse(details.nextAllowedAt);
        expect(next).toBeGreaterThan(before.getTime());
        expect(next - before.getTime()).toBeLessThanOrEqual(24 * 3600_000);
        expect(details.nextAllowedLocal).toMatch(new RegExp(` ${callingWindow.start}$`));
        expect(res.body.message).toBe(
          `It is ${details.localTime} in London, outside the calling hours (${callingWindow.start}–${callingWindow.end}). Calling is next allowed ${details.nextAllowedLocal} London time.`,
        );
      }
      const calls = await http.get('/api/v1/calls').set(t.auth).expect(200);
      expect(calls.body.data).toEqual([]);
    });

    it('calls anyway with override, and the audit log says it was placed outside calling hours', async () => {
      const { t, london, tokyo } = await tenantOpenInTokyoOnly();
      const { addMember } = await import('./support/app');
      const agent = await addMember(app, t, 'agent');
      const res = await http
        .post(`/api/v1/customers/${london.id}/call`)
        .set(agent.auth)
        .send({ override: true })
        .expect(202);
      const [audit] = await auditOf(res.body.id);
      expect(audit).toMatchObject({
        action: 'create',
        actor_type: 'user',
        after: { customerId: london.id, outsideCallingHours: true, timezones: ['Europe/London'] },
      });
      expect(audit.after.note).toMatch(
        /^Placed outside calling hours by override: it was \d\d:\d\d in London \(calling hours \d\d:00–\d\d:00\)\.$/,
      );
      // Inside the hours nothing needs overriding, and nothing is audited as such.
      const inside = await http
        .post(`/api/v1/customers/${tokyo.id}/call`)
        .set(t.auth)
        .send({})
        .expect(202);
      expect(await auditOf(inside.body.id)).toEqual([]);
      const bad = await http
        .post(`/api/v1/customers/${london.id}/call`)
        .set(t.auth)
        .send({ override: 'yes' });
      expect(bad.status).toBe(400);
      expect(bad.body.details[0].field).toBe('override');
      await finished(t, res.body.id);
      await finished(t, inside.body.id);
    });

    it('an API key with calls:write may override too, and the audit row names the key', async () => {
      const { t, london } = await tenantOpenInTokyoOnly();
      const reader = await createApiKey(app, t, { scopes: ['calls:read'] });
      await http
        .post(`/api/v1/customers/${london.id}/call`)
        .set(reader.auth)
        .send({ override: true })
        .expect(403);
      const writer = await createApiKey(app, t, { scopes: ['calls:write'] });
      const refused = await http
        .post(`/api/v1/customers/${london.id}/call`)
        .set(writer.auth)
        .send({});
      expect(refused.body.code).toBe('outside_calling_window');
      const res = await http
        .post(`/api/v1/customers/${london.id}/call`)
        .set(writer.auth)
        .send({ override: true })
        .expect(202);
      expect(await auditOf(res.body.id)).toMatchObject([
        { actor_type: 'api_key', after: { outsideCallingHours: true } },
      ]);
      await finished(t, res.body.id);
    });

    it('bulk: rejects each customer outside their hours with the same code, unless override', async () => {
      const { t, london, tokyo } = await tenantOpenInTokyoOnly();
      const res = await http
        .post('/api/v1/calls/bulk')
        .set(t.auth)
        .send({ customerIds: [london.id, tokyo.id] })
        .expect(202);
      expect(res.body.accepted.map((c: CallView) => c.customerId)).toEqual([tokyo.id]);
      expect(res.body.rejected).toEqual([
        {
          customerId: london.id,
          reason: 'outside_calling_window',
          message: expect.stringMatching(/^It is \d\d:\d\d in London, outside the calling hours/),
        },
      ]);
      const forced = await http
        .post('/api/v1/calls/bulk')
        .set(t.auth)
        .send({ customerIds: [london.id], override: true })
        .expect(202);
      expect(forced.body.rejected).toEqual([]);
      const [call] = forced.body.accepted as CallView[];
      expect(call.customerId).toBe(london.id);
      expect((await auditOf(call.id))[0].after).toMatchObject({ outsideCallingHours: true });
      await finished(t, res.body.accepted[0].id);
      await finished(t, call.id);
    });
  });

  it('bulk: accepts and rejects per customer, caps the batch at 500 and rate limits per tenant', async () => {
    const t = await registerCallingTenant(app);
    const ok = await createCustomer(app, t);
    const dnc = await createCustomer(app, t, { doNotCall: true });
    const missing = '0190f0f0-0000-7000-8000-000000000001';
    const res = await http
      .post('/api/v1/calls/bulk')
      .set(t.auth)
      .send({ customerIds: [ok.id, dnc.id, missing, ok.id] })
      .expect(202);
    expect(res.body.accepted.map((c: CallView) => c.customerId)).toEqual([ok.id]);
    expect(
      res.body.rejected.map((r: { customerId: string; reason: string }) => [
        r.customerId,
        r.reason,
      ]),
    ).toEqual([
      [dnc.id, 'do_not_call'],
      [missing, 'not_found'],
      [ok.id, 'duplicate'],
    ]);

    const tooMany = Array.from({ length: 501 }, () => missing);
    const big = await http.post('/api/v1/calls/bulk').set(t.auth).send({ customerIds: tooMany });
    expect(big.status).toBe(400);
    expect(big.body.details[0].field).toBe('customerIds');

    // The limit is 3 a minute here; the first request above counted, the 400 did not.
    await http
      .post('/api/v1/calls/bulk')
      .set(t.auth)
      .send({ customerIds: [missing] })
      .expect(202);
    await http
      .post('/api/v1/calls/bulk')
      .set(t.auth)
      .send({ customerIds: [missing] })
      .expect(202);
    const limited = await http
      .post('/api/v1/calls/bulk')
      .set(t.auth)
      .send({ customerIds: [missing] });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await finished(t, res.body.accepted[0].id);
  });

  it('stops at the tenant’s daily call cap with 429 and Retry-After', async () => {
    const t = await registerCallingTenant(app);
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ limits: { callsPerSecond: 1, maxConcurrentCalls: 5, dailyCallCap: 1 } })
      .expect(200);
    const first = await createCustomer(app, t);
    const second = await createCustomer(app, t);
    const call = await http.post(`/api/v1/customers/${first.id}/call`).set(t.auth).send({});
    expect(call.status).toBe(202);
    const capped = await http.post(`/api/v1/customers/${second.id}/call`).set(t.auth).send({});
    expect(capped.status).toBe(429);
    expect(capped.body.code).toBe('daily_call_cap_reached');
    expect(Number(capped.headers['retry-after'])).toBeGreaterThan(0);
    const bulk = await http
      .post('/api/v1/calls/bulk')
      .set(t.auth)
      .send({ customerIds: [second.id] })
      .expect(202);
    expect(bulk.body.rejected[0].reason).toBe('daily_cap_reached');
    await finished(t, call.body.id);
  });

  it('cancels a queued call; a finished one is 409', async () => {
    const t = await registerCallingTenant(app);
    const first = await createCustomer(app, t);
    const second = await createCustomer(app, t);
    const a = (await http.post(`/api/v1/customers/${first.id}/call`).set(t.auth).send({})).body;
    await finished(t, a.id);
    await http.post(`/api/v1/calls/${a.id}/cancel`).set(t.auth).expect(409);
    await holdDialing(t);
    const b = (await http.post(`/api/v1/customers/${second.id}/call`).set(t.auth).send({})).body;
    const canceled = await http.post(`/api/v1/calls/${b.id}/cancel`).set(t.auth).expect(200);
    expect(canceled.body.status).toBe('canceled');
    const timeline = await detail(t, b.id);
    expect(timeline.events.map((e) => e.status)).toEqual(['queued', 'canceled']);
    expect(timeline.voiceSession?.outcome).toBe('failed');
  });

  describe('Twilio status callbacks', () => {
    const statusUrl = (callId?: string) =>
      `/api/v1/webhooks/twilio/status${callId ? `?callId=${callId}` : ''}`;
    const post = (path: string, params: Record<string, string>, token = AUTH_TOKEN) =>
      http
        .post(path)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set(
          'X-Twilio-Signature',
          twilio.getExpectedTwilioSignature(token, `${base}${path}`, params),
        )
        .send(new URLSearchParams(params).toString());

    async function queuedCall(t: TestTenant) {
      await holdDialing(t);
      const customer = await createCustomer(app, t);
      return (await http.post(`/api/v1/customers/${customer.id}/call`).set(t.auth).send({}))
        .body as CallView;
    }
    const callback = (sid: string, status: string, sequence: number, extra = {}) => ({
      AccountSid: 'AC00000000000000000000000000000000',
      CallSid: sid,
      CallStatus: status,
      SequenceNumber: String(sequence),
      Direction: 'outbound-api',
      ...extra,
    });

    it('refuses a missing (401) or wrong (403) signature and stores nothing', async () => {
      const params = callback('CA' + 'a'.repeat(32), 'ringing', 1);
      const missing = await http
        .post(statusUrl())
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(new URLSearchParams(params).toString());
      expect(missing.status).toBe(401);
      expect((await post(statusUrl(), params, 'another-token')).status).toBe(403);
      // Signed for other parameters than those sent: tampered.
      const tampered = await http
        .post(statusUrl())
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .set(
          'X-Twilio-Signature',
          twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${base}${statusUrl()}`, params),
        )
        .send(new URLSearchParams({ ...params, CallStatus: 'completed' }).toString());
      expect(tampered.status).toBe(403);
      const stored = await queryAsOwner(
        `SELECT count(*)::int AS n FROM webhook_events WHERE provider = 'twilio' AND external_id LIKE $1`,
        [`CA${'a'.repeat(32)}%`],
      );
      expect(stored[0].n).toBe(0);
    });

    it('applies out-of-order callbacks monotonically, dedupes repeats and keeps who answered', async () => {
      const t = await registerCallingTenant(app);
      const call = await queuedCall(t);
      const sid = 'CA' + 'b'.repeat(32);
      const path = statusUrl(call.id);
      // completed (3) arrives before ringing (1) and in-progress (2).
      const completed = callback(sid, 'completed', 3, {
        CallDuration: '42',
        AnsweredBy: 'machine_end_beep',
      });
      expect((await post(path, completed)).body.duplicate).toBe(false);
      expect((await post(path, completed)).body.duplicate).toBe(true);
      await post(path, callback(sid, 'ringing', 1)).expect(200);
      await post(path, callback(sid, 'in-progress', 2)).expect(200);

      const settled = await eventually(
        () => detail(t, call.id),
        (c) => c.events.filter((e) => e.source === 'twilio').length === 3,
      );
      expect(settled).toMatchObject({
        status: 'completed',
        providerCallSid: sid,
        durationSec: 42,
        answeredBy: 'machine_end_beep',
        outcome: 'voicemail',
      });
      const twilioEvents = settled.events.filter((e) => e.source === 'twilio');
      expect(twilioEvents.map((e) => [e.status, e.sequenceNumber, e.applied])).toEqual([
        ['completed', 3, true],
        ['ringing', 1, false],
        ['in_progress', 2, false],
      ]);
      // A finished call has no session outcome to wait for: it ended without the agent.
      await http.post(`/api/v1/calls/${call.id}/cancel`).set(t.auth).expect(409);
    });

    it('finds the call by its SID when the callback URL carries no call id', async () => {
      const t = await registerCallingTenant(app);
      const call = await queuedCall(t);
      const sid = 'CA' + 'c'.repeat(32);
      await post(statusUrl(call.id), callback(sid, 'initiated', 0)).expect(200);
      await eventually(
        () => detail(t, call.id),
        (c) => c.providerCallSid === sid,
      );
      await post(statusUrl(), callback(sid, 'busy', 1, { SipResponseCode: '486' })).expect(200);
      const busy = await eventually(
        () => detail(t, call.id),
        (c) => c.status === 'busy',
      );
      expect(busy.outcome).toBe('busy');
      expect(busy.failureReason).toContain('486');
      expect(busy.voiceSession?.outcome).toBe('failed');
    });

    it('keeps a signed callback naming one call with another call’s SID as unmatched, applied to neither', async () => {
      const t = await registerTenant(app);
      const [first, second] = [await queuedCall(t), await queuedCall(t)];
      const [firstSid, secondSid] = ['CA' + 'e'.repeat(32), 'CA' + 'f'.repeat(32)];
      await post(statusUrl(first.id), callback(firstSid, 'initiated', 0)).expect(200);
      await post(statusUrl(second.id), callback(secondSid, 'initiated', 0)).expect(200);
      for (const [id, sid] of [
        [first.id, firstSid],
        [second.id, secondSid],
      ])
        await eventually(
          () => detail(t, id),
          (c) => c.providerCallSid === sid,
        );

      await post(statusUrl(first.id), callback(secondSid, 'completed', 5)).expect(200);
      const [event] = await eventually(
        () =>
          queryAsOwner<{ status: string; tenant_id: string | null; error: string }>(
            `SELECT status, tenant_id, error FROM webhook_events
              WHERE provider = 'twilio' AND external_id = $1`,
            [`${secondSid}:5:completed`],
          ),
        (rows) => rows[0]?.status === 'unmatched',
      );
      expect(event).toEqual({
        status: 'unmatched',
        tenant_id: null,
        error: 'The call SID of this callback is not the call’s',
      });
      for (const id of [first.id, second.id])
        expect((await detail(t, id)).status).toBe('initiated');
    });

    it('keeps a callback for no known call as unmatched, never dropped', async () => {
      const sid = 'CA' + 'd'.repeat(32);
      await post(statusUrl(), callback(sid, 'ringing', 1)).expect(200);
      const [event] = await eventually(
        () =>
          queryAsOwner<{ status: string; tenant_id: string | null }>(
            `SELECT status, tenant_id FROM webhook_events WHERE provider = 'twilio' AND external_id LIKE $1`,
            [`${sid}%`],
          ),
        (rows) => rows[0]?.status === 'unmatched',
      );
      expect(event).toEqual({ status: 'unmatched', tenant_id: null });
    });
  });
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { VoiceSessionView } from '@navaia/shared';
import { AppRole } from '../src/config/config';
import { SimulatorStore } from '../src/modules/voice/simulator/simulator-store';
import { SimulatorWebhooks } from '../src/modules/voice/simulator/simulator-webhooks';
import { VoiceReconciler } from '../src/modules/voice/voice-reconciler';
import {
  addMember,
  createTestApp,
  grantOperator,
  queryAsOwner,
  registerTenant,
  TestTenant,
} from './support/app';
import { postCallEvent, signed } from './support/elevenlabs';
import { createCustomer } from './support/records';
import { eventually, freePort } from './support/wait';

const SECRETS = ['wsec_current_secret', 'wsec_previous_secret'];
const OPERATOR = `ops-${Date.now()}@example.com`;
const METRICS_TOKEN = 'metrics-scraper-token-0123456789';

describe('voice: browser sessions, post-call webhooks and automatic tickets and bookings', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    const port = await freePort();
    app = await createTestApp({
      role: AppRole.All,
      port,
      publicBaseUrl: `http://127.0.0.1:${port}`,
      elevenLabs: { webhookSecrets: SECRETS },
      metricsToken: METRICS_TOKEN,
    });
    await app.listen({ port, host: '127.0.0.1' });
    http = request(app.getHttpServer());
  });
  afterAll(async () => {
    await app.get(SimulatorWebhooks).drain();
    await app.close();
  });

  const deliver = (event: object, secret = SECRETS[0], timestamp?: number) => {
    const { body, signature } = signed(event, secret, timestamp);
    return http
      .post('/api/v1/webhooks/elevenlabs')
      .set('Content-Type', 'application/json')
      .set('ElevenLabs-Signature', signature)
      .send(body);
  };
  const session = (t: TestTenant, id: string) =>
    http
      .get(`/api/v1/voice/sessions/${id}`)
      .set(t.auth)
      .then((r) => r.body as VoiceSessionView);
  const settled = (t: TestTenant, id: string) =>
    eventually(
      () => session(t, id),
      (s) => s.outcome !== null,
    );

  async function browserSession(t: TestTenant, customerId?: string) {
    const res = await http
      .post('/api/v1/voice/sessions')
      .set(t.auth)
      .send({ purpose: 'support', customerId })
      .expect(201);
    return res.body;
  }

  describe('signatures', () => {
    it.each([
      [
        'a tampered body',
        (e: object) => {
          const { signature } = signed(e, SECRETS[0]);
          return { body: JSON.stringify({ ...e, type: 'post_call_audio' }), signature };
        },
      ],
      ['a wrong secret', (e: object) => signed(e, 'not-our-secret')],
      [
        'a timestamp 31 minutes old',
        (e: object) => signed(e, SECRETS[0], Math.floor(Date.now() / 1000) - 31 * 60),
      ],
      [
        'a timestamp 31 minutes ahead',
        (e: object) => signed(e, SECRETS[0], Math.floor(Date.now() / 1000) + 31 * 60),
      ],
      ['a malformed header', (e: object) => ({ body: JSON.stringify(e), signature: 'sha256=abc' })],
    ])('refuses %s with 401 and stores nothing', async (_name, make) => {
      const event = postCallEvent();
      const { body, signature } = make(event);
      const metrics = () =>
        http.get('/api/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
      const before = await metrics();
      await http
        .post('/api/v1/webhooks/elevenlabs')
        .set('Content-Type', 'application/json')
        .set('ElevenLabs-Signature', signature)
        .send(body)
        .expect(401);
      const after = await metrics();
      const rejections = (text: string) =>
        [...text.matchAll(/webhook_signature_rejections_total\{[^}]*\} (\d+)/g)].reduce(
          (s, m) => s + Number(m[1]),
          0,
        );
      expect(rejections(after.text)).toBe(rejections(before.text) + 1);
      const stored = await queryAsOwner(
        'SELECT count(*)::int AS n FROM webhook_events WHERE external_id = $1',
        [event.data.conversation_id],
      );
      expect(stored).toEqual([{ n: 0 }]);
    });

    it('refuses a delivery without a signature header', async () => {
      await http
        .post('/api/v1/webhooks/elevenlabs')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify(postCallEvent()))
        .expect(401);
    });

    it('accepts the previous secret while it is still configured (rotation)', async () => {
      const res = await deliver(postCallEvent(), SECRETS[1]).expect(200);
      expect(res.body.received).toBe(true);
    });
  });

  it('turns a finished conversation into a ticket for the session’s customer, exactly once for 20 concurrent deliveries', async () => {
    const t = await registerTenant(app);
    const customer = await createCustomer(app, t, { firstName: 'Ada' });
    const started = await browserSession(t, customer.id);
    const event = postCallEvent({ dynamicVariables: started.dynamicVariables });
    const answers = await Promise.all(Array.from({ length: 20 }, () => deliver(event)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(answers.filter((a) => a.body.duplicate === false)).toHaveLength(1);

    const done = await settled(t, started.session.id);
    expect(done).toMatchObject({
      outcome: 'ticket_created',
      status: 'ended',
      customerId: customer.id,
      durationSec: 118,
    });
    expect(done.transcript.map((turn) => turn.role)).toEqual(['agent', 'user', 'agent']);
    const tickets = await http
      .get(`/api/v1/customers/${customer.id}/tickets`)
      .set(t.auth)
      .expect(200);
    expect(tickets.body.data).toHaveLength(1);
    expect(tickets.body.data[0]).toMatchObject({
      id: done.ticketId,
      source: 'voice',
      voiceSessionId: done.id,
      priority: 'high',
    });
  });

  it('matches a webhook that arrives before the browser reported the conversation id', async () => {
    const t = await registerTenant(app);
    const customer = await createCustomer(app, t);
    const started = await browserSession(t, customer.id);
    // A week ahead: a stated time before the call is not bookable, so a fixed date would expire.
    const startsAt = new Date(Date.now() + 7 * 86_400_000);
    startsAt.setUTCHours(10, 0, 0, 0);
    const event = postCallEvent({
      dynamicVariables: started.dynamicVariables,
      dataCollection: {
        intent: 'booking',
        booking_service: 'Haircut',
        booking_datetime: startsAt.toISOString(),
      },
    });
    await deliver(event).expect(200);
    const done = await settled(t, started.session.id);
    expect(done.outcome).toBe('booking_created');
    const booking = await http.get(`/api/v1/bookings/${done.bookingId}`).set(t.auth).expect(200);
    expect(booking.body).toMatchObject({
      service: 'Haircut',
      startsAt: startsAt.toISOString(),
      voiceSessionId: done.id,
    });
    // The browser reports the id afterwards; nothing changes.
    await http
      .patch(`/api/v1/voice/sessions/${started.session.id}`)
      .set(t.auth)
      .send({ conversationId: event.data.conversation_id })
      .expect(200);
  });

  it('creates the session and the customer for a phone call that reached the tenant’s agent directly', async () => {
    const t = await registerTenant(app);
    const agentId = `agent_${Date.now()}`;
    await http
      .patch('/api/v1/tenant')
      .set(t.auth)
      .send({ voice: { agents: { support: agentId } } })
      .expect(200);
    await deliver(
      postCallEvent({
        agentId,
        callerNumber: '+14155550999',
        dataCollection: {
          intent: 'support',
          issue_summary: 'No dial tone',
          customer_name: 'Phil Phone',
          opt_out: true,
        },
      }),
    ).expect(200);
    const list = await eventually(
      () =>
        http
          .get('/api/v1/voice/sessions')
          .set(t.auth)
          .then((r) => r.body.data as VoiceSessionView[]),
      (s) => s.length === 1 && s[0].outcome !== null,
    );
    expect(list[0]).toMatchObject({
      channel: 'phone',
      outcome: 'ticket_created',
      customer: { displayName: 'Phil Phone' },
    });
    const customer = await http
      .get(`/api/v1/customers/${list[0].customerId}`)
      .set(t.auth)
      .expect(200);
    expect(customer.body).toMatchObject({ phone: '+14155550999', doNotCall: true });
  });

  it('keeps an event of one tenant’s agent naming another tenant’s session as unmatched, changing nothing', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const agentOfB = `agent_b_${Date.now()}`;
    await http
      .patch('/api/v1/tenant')
      .set(b.auth)
      .send({ voice: { agents: { support: agentOfB } } })
      .expect(200);
    const started = await browserSession(a, (await createCustomer(app, a)).id);
    const before = await session(a, started.session.id);
    const accepted = await deliver(
      postCallEvent({ agentId: agentOfB, dynamicVariables: started.dynamicVariables }),
    ).expect(200);

    const [event] = await eventually(
      () =>
        queryAsOwner<{ status: string; tenant_id: string | null; error: string }>(
          'SELECT status, tenant_id, error FROM webhook_events WHERE id = $1',
          [accepted.body.eventId],
        ),
      (rows) => rows[0]?.status === 'unmatched',
    );
    expect(event).toEqual({
      status: 'unmatched',
      tenant_id: null,
      error: 'The agent of this event belongs to another organisation than its session',
    });
    expect(await session(a, started.session.id)).toEqual(before);
    expect(before.outcome).toBeNull();
  });

  it('keeps an unmatched event, shows it only to platform operators, and reprocesses it once the agent is configured', async () => {
    const agentId = `agent_unknown_${Date.now()}`;
    const accepted = await deliver(postCallEvent({ agentId, callerNumber: '+14155550888' })).expect(
      200,
    );
    const t = await registerTenant(app);
    await eventually(
      async () =>
        (await http.get('/api/v1/webhooks/events?status=unmatched').set((await operator()).auth))
          .body.data,
      (rows: { id: string }[]) => rows.some((r) => r.id === accepted.body.eventId),
    );
    await http.get('/api/v1/webhooks/events?status=unmatched').set(t.auth).expect(403);
    await http
      .post(`/api/v1/webhooks/events/${accepted.body.eventId}/reprocess`)
      .set(t.auth)
      .expect(404);

    const op = await operator();
    await http
      .patch('/api/v1/tenant')
      .set(op.auth)
      .send({ voice: { agents: { support: agentId } } })
      .expect(200);
    await http
      .post(`/api/v1/webhooks/events/${accepted.body.eventId}/reprocess`)
      .set(op.auth)
      .expect(202);
    const sessions = await eventually(
      () =>
        http
          .get('/api/v1/voice/sessions')
          .set(op.auth)
          .then((r) => r.body.data as VoiceSessionView[]),
      (s) => s.some((x) => x.outcome === 'ticket_created'),
    );
    expect(sessions[0].outcome).toBe('ticket_created');
  });

  let operatorTenant: TestTenant | undefined;
  async function operator(): Promise<TestTenant> {
    if (!operatorTenant) {
      const res = await http
        .post('/api/v1/auth/register')
        .send({
          tenantName: 'Platform',
          name: 'Olga Operator',
          email: OPERATOR,
          password: 'correct horse battery staple',
        })
        .expect(201);
      await grantOperator(OPERATOR);
      operatorTenant = {
        ...res.body,
        auth: { Authorization: `Bearer ${res.body.accessToken}` },
      } as TestTenant;
    }
    return operatorTenant;
  }

  it('runs a simulated support conversation in the browser to a ticket', async () => {
    const t = await registerTenant(app);
    const customer = await createCustomer(app, t, { firstName: 'Sim' });
    const started = await browserSession(t, customer.id);
    expect(started.connection).toMatchObject({ provider: 'simulator' });
    const say = (text: string) =>
      http
        .post(`/api/v1/voice/sessions/${started.session.id}/messages`)
        .set(t.auth)
        .send({ text })
        .expect(200);
    expect(
      (await say('Hello, my internet connection keeps failing since this morning')).body.ended,
    ).toBe(false);
    const last = await say('Yes please');
    expect(last.body.ended).toBe(true);
    const done = await settled(t, started.session.id);
    expect(done.outcome).toBe('ticket_created');
    const ticket = await http.get(`/api/v1/tickets/${done.ticketId}`).set(t.auth).expect(200);
    expect(ticket.body.subject).toMatch(/internet connection keeps failing/);
  });

  it('runs a simulated booking conversation to a booking at the agreed time', async () => {
    const t = await registerTenant(app);
    const customer = await createCustomer(app, t);
    const started = await browserSession(t, customer.id);
    const say = (text: string) =>
      http
        .post(`/api/v1/voice/sessions/${started.session.id}/messages`)
        .set(t.auth)
        .send({ text })
        .expect(200);
    await say('I would like to book an appointment');
    await say('A haircut');
    await say('Tomorrow at 10 am');
    expect((await say('Yes, that works')).body.ended).toBe(true);
    const done = await settled(t, started.session.id);
    expect(done.outcome).toBe('booking_created');
    const booking = await http.get(`/api/v1/bookings/${done.bookingId}`).set(t.auth).expect(200);
    expect(booking.body.service).toMatch(/haircut/i);
    expect(new Date(booking.body.startsAt).getUTCHours()).toBe(10);
  });

  it('reconciles a finished conversation whose post-call webhook never came', async () => {
    const t = await registerTenant(app);
    const customer = await createCustomer(app, t);
    const started = await browserSession(t, customer.id);
    // The conversation ends on the provider's side, but its webhook is lost.
    const store = app.get(SimulatorStore);
    const conversation = (await store.load(started.connection.conversationId))!;
    await store.save({
      ...conversation,
      stage: 'ended',
      intent: 'support',
      issue: 'The heating makes a loud noise at night',
      confirmed: true,
    });
    expect(await app.get(VoiceReconciler).reconcileAll(0)).toBeGreaterThanOrEqual(1);
    const done = await settled(t, started.session.id);
    expect(done.outcome).toBe('ticket_created');
    // A second pass finds nothing left to fetch.
    await app.get(VoiceReconciler).reconcileAll(0);
    const tickets = await http
      .get(`/api/v1/customers/${customer.id}/tickets`)
      .set(t.auth)
      .expect(200);
    expect(tickets.body.data).toHaveLength(1);
  });

  it('should not show another tenant’s voice session (404), nor list it; viewers cannot start one', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const started = await browserSession(a);
    await http.get(`/api/v1/voice/sessions/${started.session.id}`).set(b.auth).expect(404);
    await http
      .patch(`/api/v1/voice/sessions/${started.session.id}`)
      .set(b.auth)
      .send({ conversationId: 'conv_x' })
      .expect(404);
    await http
      .post(`/api/v1/voice/sessions/${started.session.id}/messages`)
      .set(b.auth)
      .send({ text: 'hi' })
      .expect(404);
    expect((await http.get('/api/v1/voice/sessions').set(b.auth).expect(200)).body.data).toEqual(
      [],
    );
    const viewer = await addMember(app, a, 'viewer');
    await http
      .post('/api/v1/voice/sessions')
      .set(viewer.auth)
      .send({ purpose: 'support' })
      .expect(403);
  });
});

import { randomBytes } from 'node:crypto';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import request from 'supertest';
import twilio from 'twilio';
import type { VoiceSessionView } from '@navaia/shared';
import { QueueName } from '../src/common/queue/queue-names';
import { AppRole } from '../src/config/config';
import { SimulatorWebhooks } from '../src/modules/voice/simulator/simulator-webhooks';
import { VoiceEventsProcessor } from '../src/modules/voice/voice-events.processor';
import { createTestApp, queryAsOwner, registerTenant, testConfig, TestTenant } from './support/app';
import { postCallEvent, signed } from './support/elevenlabs';
import { createCustomer, openCallAtProvider } from './support/records';
import { ScratchRedis } from './support/redis-server';
import { eventually, freePort } from './support/wait';

/** Provider events that arrive while Redis is away: none is lost, whatever Redis kept. */

const SECRET = 'wsec_inbox_relay_secret';
const AUTH_TOKEN = 'twilio-inbox-relay-token';

async function appOn(redis: ScratchRedis, role: AppRole, relayIntervalMs = 500) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await createTestApp({
    role,
    port,
    publicBaseUrl: base,
    redisUrl: redis.url,
    elevenLabs: { ...testConfig().elevenLabs, webhookSecrets: [SECRET] },
    twilio: { webhookAuthToken: AUTH_TOKEN },
    inboxRelay: { ...testConfig().inboxRelay, intervalMs: relayIntervalMs, ageMs: 1_000 },
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, base, http: request(app.getHttpServer()) };
}

function deliverPostCall(http: ReturnType<typeof request>, event: object) {
  const { body, signature } = signed(event, SECRET);
  return http
    .post('/api/v1/webhooks/elevenlabs')
    .set('Content-Type', 'application/json')
    .set('ElevenLabs-Signature', signature)
    .send(body);
}

function deliverTwilioStatus(
  http: ReturnType<typeof request>,
  base: string,
  callId: string,
  params: Record<string, string>,
) {
  const path = `/api/v1/webhooks/twilio/status?callId=${callId}`;
  return http
    .post(path)
    .set('Content-Type', 'application/x-www-form-urlencoded')
    .set('X-Twilio-Signature', twilio.getExpectedTwilioSignature(AUTH_TOKEN, base + path, params))
    .send(new URLSearchParams(params).toString());
}

/** A browser session with a new customer, and the post-call event that will end it. */
async function sessionWithPostCall(app: NestFastifyApplication, t: TestTenant) {
  const customer = await createCustomer(app, t);
  const started = await request(app.getHttpServer())
    .post('/api/v1/voice/sessions')
    .set(t.auth)
    .send({ purpose: 'support', customerId: customer.id })
    .expect(201);
  return {
    id: started.body.session.id as string,
    customerId: customer.id,
    event: postCallEvent({ dynamicVariables: started.body.dynamicVariables }),
  };
}

async function stop(app: NestFastifyApplication, redis: ScratchRedis) {
  await app.get(SimulatorWebhooks).drain();
  await app.close();
  await redis.down();
}

const twilioCallback = (sid: string, status: string, sequence: number, extra = {}) => ({
  AccountSid: 'AC00000000000000000000000000000000',
  CallSid: sid,
  CallStatus: status,
  SequenceNumber: String(sequence),
  ...extra,
});

describe('provider events while Redis is away', () => {
  describe.each([
    ['with the data of its last snapshot', true],
    ['empty', false],
  ])('Redis comes back %s', (_, persistent) => {
    let redis: ScratchRedis;
    let app: NestFastifyApplication;
    let http: ReturnType<typeof request>;
    let base: string;

    beforeAll(async () => {
      redis = await ScratchRedis.start({ persistent });
      ({ app, http, base } = await appOn(redis, AppRole.All));
    });
    afterAll(() => stop(app, redis));

    it('processes every conversation and callback refused with 503, each exactly once', async () => {
      const t = await registerTenant(app);
      const sessions: Awaited<ReturnType<typeof sessionWithPostCall>>[] = [];
      for (let i = 0; i < 6; i++) sessions.push(await sessionWithPostCall(app, t));
      const sid = `CA${randomBytes(16).toString('hex')}`;
      const call = {
        sid,
        id: await openCallAtProvider(t.tenant.id, {
          provider: 'simulator',
          status: 'initiated',
          sid,
        }),
      };
      if (persistent) await redis.save();
      await redis.down();

      for (const s of sessions) expect((await deliverPostCall(http, s.event)).status).toBe(503);
      const callbacks = [
        twilioCallback(call.sid, 'ringing', 1),
        twilioCallback(call.sid, 'in-progress', 2),
        twilioCallback(call.sid, 'completed', 3, { CallDuration: '37' }),
      ];
      for (const params of callbacks) {
        expect((await deliverTwilioStatus(http, base, call.id, params)).status).toBe(503);
      }
      // The provider's retries while Redis is still away: refused too, nothing answered 200.
      expect((await deliverPostCall(http, sessions[0].event)).status).toBe(503);

      await redis.up();
      const waiting = () =>
        queryAsOwner<{ status: string; n: number }>(
          `SELECT status, count(*)::int AS n FROM webhook_events
            WHERE payload->'data'->'conversation_initiation_client_data'->'dynamic_variables'->>'voice_session_id' = ANY($1)
               OR external_id LIKE $2
            GROUP BY status`,
          [sessions.map((s) => s.id), `${call.sid}:%`],
        );
      const statuses = await eventually(
        waiting,
        (rows) => rows.length === 1 && rows[0].status === 'processed',
        30_000,
      );
      expect(statuses).toEqual([{ status: 'processed', n: sessions.length + callbacks.length }]);

      for (const s of sessions) {
        const view = (await http.get(`/api/v1/voice/sessions/${s.id}`).set(t.auth).expect(200))
          .body as VoiceSessionView;
        expect(view.outcome).toBe('ticket_created');
        const tickets = await http
          .get(`/api/v1/customers/${s.customerId}/tickets`)
          .set(t.auth)
          .expect(200);
        expect(tickets.body.data).toHaveLength(1);
      }
      const [settled] = await queryAsOwner<{ status: string; duration_sec: number }>(
        'SELECT status, duration_sec FROM calls WHERE id = $1',
        [call.id],
      );
      expect(settled).toEqual({ status: 'completed', duration_sec: 37 });
    }, 90_000);
  });

  describe('a job lost when Redis comes back from an older snapshot', () => {
    let redis: ScratchRedis;
    let app: NestFastifyApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      redis = await ScratchRedis.start({ persistent: true });
      // No periodic relay: only the pass that follows the reconnect can bring the event back.
      ({ app, http } = await appOn(redis, AppRole.All, 0));
    });
    afterAll(() => stop(app, redis));

    it('is queued again as soon as Redis is back, and processed', async () => {
      const t = await registerTenant(app);
      const session = await sessionWithPostCall(app, t);
      await redis.save();
      // Accepted and queued after the snapshot, not processed before Redis goes.
      const worker = app.get(VoiceEventsProcessor).worker;
      await worker.pause();
      const accepted = await deliverPostCall(http, session.event).expect(200);
      const queue = app.get<Queue>(getQueueToken(QueueName.VoiceEvents));
      expect(await queue.getJob(accepted.body.eventId)).toBeDefined();
      await redis.down();
      await redis.up();
      worker.resume();

      const processed = await eventually(
        () =>
          http
            .get(`/api/v1/voice/sessions/${session.id}`)
            .set(t.auth)
            .then((r) => r.body as VoiceSessionView),
        (s) => s.outcome !== null,
        20_000,
      );
      expect(processed.outcome).toBe('ticket_created');
    }, 60_000);
  });

  describe('a repeated delivery', () => {
    let redis: ScratchRedis;
    let app: NestFastifyApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      redis = await ScratchRedis.start();
      // No worker: the job a delivery queues stays in the queue to be seen.
      ({ app, http } = await appOn(redis, AppRole.Http));
    });
    afterAll(async () => {
      await app.close();
      await redis.down();
    });

    it('queues an event that is still waiting again, answered as a duplicate', async () => {
      const event = postCallEvent();
      await redis.down();
      expect((await deliverPostCall(http, event)).status).toBe(503);
      await redis.up();

      const retry = await eventually(
        () => deliverPostCall(http, event),
        (res) => res.status !== 503,
      );
      expect(retry.status).toBe(200);
      expect(retry.body.duplicate).toBe(true);
      const queue = app.get<Queue>(getQueueToken(QueueName.VoiceEvents));
      const job = await queue.getJob(retry.body.eventId);
      expect(job?.data).toEqual({ eventId: retry.body.eventId });
    });
  });
});

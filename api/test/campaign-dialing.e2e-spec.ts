import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { CampaignView } from '@navaia/shared';
import { AppRole } from '../src/config/config';
import { SimulatorTelephonyProvider } from '../src/modules/telephony/simulator/simulator.provider';
import { SimulatorWebhooks } from '../src/modules/voice/simulator/simulator-webhooks';
import {
  ALWAYS_OPEN_CALLING_WINDOW,
  createTestApp,
  queryAsOwner,
  registerCallingTenant,
  registerTenant,
  testConfig,
  TestTenant,
} from './support/app';
import { createCustomer } from './support/records';
import { ScratchRedis } from './support/redis-server';
import { eventually, freePort } from './support/wait';

/** Dialing under faults and load: Redis restarts, and capacity shared between campaigns. */

// Open all day (an end at the start is 24 hours): the tests pass at any hour.
const ALWAYS_OPEN = ALWAYS_OPEN_CALLING_WINDOW;
const ANSWERED = { answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 };

async function simulatorApp(overrides: { redisUrl?: string; callSeconds?: number } = {}) {
  const port = await freePort();
  const { callSeconds, ...rest } = overrides;
  const app = await createTestApp({
    role: AppRole.All,
    port,
    publicBaseUrl: `http://127.0.0.1:${port}`,
    simulator: { callOutcomes: ANSWERED, callSeconds },
    ...rest,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return app;
}

async function stopApp(app: NestFastifyApplication) {
  await app.get(SimulatorTelephonyProvider).drain();
  await app.get(SimulatorWebhooks).drain();
  await app.close();
}

/** A running campaign of `size` new customers under the given tenant limits. */
async function runCampaign(
  app: NestFastifyApplication,
  t: TestTenant,
  size: number,
  body: object = {},
): Promise<CampaignView> {
  const http = request(app.getHttpServer());
  const campaign = await createCampaign(app, t, size, body);
  await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
  return campaign;
}

/** A draft campaign of `size` new customers. */
async function createCampaign(
  app: NestFastifyApplication,
  t: TestTenant,
  size: number,
  body: object = {},
): Promise<CampaignView> {
  const http = request(app.getHttpServer());
  const campaign = (
    await http
      .post('/api/v1/campaigns')
      .set(t.auth)
      .send({ name: 'Dialing', purpose: 'support', callingWindow: ALWAYS_OPEN, ...body })
      .expect(201)
  ).body as CampaignView;
  const audience = await Promise.all(Array.from({ length: size }, () => createCustomer(app, t)));
  await http
    .post(`/api/v1/campaigns/${campaign.id}/recipients`)
    .set(t.auth)
    .send({ customerIds: audience.map((c) => c.id) })
    .expect(200);
  return campaign;
}

async function setLimits(app: NestFastifyApplication, t: TestTenant, limits: object) {
  await request(app.getHttpServer())
    .patch('/api/v1/tenant')
    .set(t.auth)
    .send({ limits: { dailyCallCap: 1000, ...limits } })
    .expect(200);
}

const campaignOf = (app: NestFastifyApplication, t: TestTenant, id: string) =>
  request(app.getHttpServer())
    .get(`/api/v1/campaigns/${id}`)
    .set(t.auth)
    .then((r) => r.body as CampaignView);

/** Provider dials per recipient of a campaign (0 for a recipient never dialled). */
const dialsPerRecipient = (campaignId: string) =>
  queryAsOwner<{ customer_id: string; status: string; attempts: number; dials: number }>(
    `SELECT r.customer_id, r.status, r.attempts, count(a.id)::int AS dials
       FROM campaign_recipients r
       LEFT JOIN calls c ON c.campaign_id = r.campaign_id AND c.customer_id = r.customer_id
       LEFT JOIN call_attempts a ON a.call_id = c.id
      WHERE r.campaign_id = $1 GROUP BY 1, 2, 3`,
    [campaignId],
  );

/** Recipients of the campaigns by state, as one sample. */
const recipientsNow = async (ids: string[]) => {
  const rows = await queryAsOwner<{ id: string; active: number; pending: number; done: number }>(
    `SELECT campaign_id AS id,
            count(*) FILTER (WHERE status IN ('queued', 'calling'))::int AS active,
            count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status NOT IN ('pending', 'queued', 'calling'))::int AS done
       FROM campaign_recipients WHERE campaign_id = ANY($1) GROUP BY 1`,
    [ids],
  );
  return ids.map((id) => rows.find((r) => r.id === id)!);
};

/** When each call of a campaign (or an operator's call) reached the provider, in order. */
const dialTimes = async (where: string, param: string) =>
  (
    await queryAsOwner<{ at: Date }>(
      `SELECT a.requested_at AS at FROM call_attempts a JOIN calls c ON c.id = a.call_id
        WHERE ${where} ORDER BY 1`,
      [param],
    )
  ).map((r) => new Date(r.at).getTime());

/** Runs the application in a child process (from the sources); resolves once it listens. */
async function appProcess(config: object): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['-r', join(__dirname, 'support/ts-register.js'), join(__dirname, 'support/app-process.ts')],
    {
      env: { ...process.env, NAVAIA_TEST_APP_CONFIG: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The app process did not start')), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (!chunk.toString().includes('listening')) return;
      clearTimeout(timer);
      resolve();
    });
    child.once('exit', (code) => reject(new Error(`The app process exited with ${code}`)));
  });
  return child;
}

describe('campaign dialing', () => {
  describe('sharing capacity', () => {
    let app: NestFastifyApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      app = await simulatorApp({ callSeconds: 1 });
      http = request(app.getHttpServer());
    });
    afterAll(() => stopApp(app));

    it('two campaigns of a tenant take near-equal shares and together stay within its capacity', async () => {
      const t = await registerTenant(app);
      // Capacity 4 for campaigns (one slot kept for operators); each campaign alone could take it.
      await setLimits(app, t, { callsPerSecond: 20, maxConcurrentCalls: 5 });
      const a = await createCampaign(app, t, 14, { maxAttempts: 1, maxConcurrentCalls: 4 });
      const b = await createCampaign(app, t, 14, { maxAttempts: 1, maxConcurrentCalls: 4 });
      await Promise.all(
        [a, b].map((c) => http.post(`/api/v1/campaigns/${c.id}/start`).set(t.auth).expect(200)),
      );
      let mostActive = 0;
      let widestGap = 0;
      let bothBusy = 0;
      for (const deadline = Date.now() + 45_000; Date.now() < deadline;) {
        const [ra, rb] = await recipientsNow([a.id, b.id]);
        mostActive = Math.max(mostActive, ra.active + rb.active);
        if (ra.pending > 0 && rb.pending > 0) {
          widestGap = Math.max(widestGap, Math.abs(ra.done - rb.done));
          if (ra.active > 0 && rb.active > 0) bothBusy++;
        }
        if (ra.done + rb.done === 28) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const [ra, rb] = await recipientsNow([a.id, b.id]);
      expect(ra.done + rb.done).toBe(28);
      expect(mostActive).toBeLessThanOrEqual(4);
      // Round-robin: neither got ahead by more than one round of its share.
      expect(widestGap).toBeLessThanOrEqual(3);
      expect(bothBusy).toBeGreaterThan(10);
    }, 60_000);

    it("an operator's call dials within two seconds while a large campaign saturates the tenant", async () => {
      const t = await registerCallingTenant(app);
      await setLimits(app, t, { callsPerSecond: 4, maxConcurrentCalls: 31 });
      const campaign = await runCampaign(app, t, 60, { maxAttempts: 1, maxConcurrentCalls: 30 });
      await eventually(
        () => recipientsNow([campaign.id]),
        ([r]) => r.done >= 8,
        30_000,
      );
      const customer = await createCustomer(app, t);
      const placed = Date.now();
      const call = await http
        .post(`/api/v1/customers/${customer.id}/call`)
        .set(t.auth)
        .send({})
        .expect(202);
      const [dialled] = await eventually(
        () => dialTimes('c.id = $1', call.body.id),
        (times) => times.length > 0,
        10_000,
      );
      expect(dialled - placed).toBeLessThan(2_000);
      const [r] = await recipientsNow([campaign.id]);
      expect(r.pending).toBeGreaterThan(0);
    }, 60_000);

    it("a second tenant's campaign keeps its own pace while another tenant runs a large one", async () => {
      const big = await registerTenant(app);
      // A backlog of paced dial jobs in the shared queue: 40 calls at 4 a second.
      await setLimits(app, big, { callsPerSecond: 4, maxConcurrentCalls: 41 });
      const large = await runCampaign(app, big, 120, { maxAttempts: 1, maxConcurrentCalls: 40 });
      await eventually(
        () => recipientsNow([large.id]),
        ([r]) => r.done >= 4,
        30_000,
      );
      const small = await registerTenant(app);
      await setLimits(app, small, { callsPerSecond: 2, maxConcurrentCalls: 10 });
      const started = Date.now();
      const campaign = await runCampaign(app, small, 6, { maxAttempts: 1, maxConcurrentCalls: 9 });
      const done = await eventually(
        () => campaignOf(app, small, campaign.id),
        (c) => c.status === 'completed',
        30_000,
      );
      expect(done.progress.done).toBe(6);
      const times = await dialTimes('c.campaign_id = $1', campaign.id);
      expect(times).toHaveLength(6);
      // Its first dial at once, then one every half second: its own pace, not the queue's.
      expect(times[0] - started).toBeLessThan(2_500);
      expect(times[5] - times[0]).toBeLessThan(5 * 500 + 1_500);
      const [r] = await recipientsNow([large.id]);
      expect(r.pending).toBeGreaterThan(0);
    }, 60_000);
  });

  describe('a process killed mid-campaign', () => {
    // Calls the dead process had in flight are settled by the reconciler within seconds here.
    const callReconciler = { intervalMs: 1_000, unknownDialMs: 3_000, silentCallMs: 6_000 };
    let http: NestFastifyApplication;
    let child: ChildProcess | undefined;
    let worker: NestFastifyApplication | undefined;

    beforeAll(async () => {
      // Requests go to an HTTP-only process; the killed one and its successor do the dialing.
      http = await createTestApp();
    });
    afterAll(async () => {
      child?.kill('SIGKILL');
      if (worker) await stopApp(worker);
      await http.close();
    });

    it('after a SIGKILL and a restart: every recipient final, never two dials for one attempt', async () => {
      const t = await registerTenant(http);
      await setLimits(http, t, { callsPerSecond: 5, maxConcurrentCalls: 5 });
      const campaign = await createCampaign(http, t, 14, { maxAttempts: 2, maxConcurrentCalls: 4 });
      const port = await freePort();
      child = await appProcess(
        testConfig({
          role: AppRole.All,
          port,
          publicBaseUrl: `http://127.0.0.1:${port}`,
          // Long enough calls that the kill surely finds some at the provider.
          simulator: { callOutcomes: ANSWERED, callSeconds: 6 },
          callReconciler,
        }),
      );
      await request(http.getHttpServer())
        .post(`/api/v1/campaigns/${campaign.id}/start`)
        .set(t.auth)
        .expect(200);
      // Killed while calls are at the provider (dialled, not yet ended), after some ended.
      await eventually(
        async () => {
          const [r] = await recipientsNow([campaign.id]);
          const [{ dialled }] = await queryAsOwner<{ dialled: number }>(
            `SELECT count(*)::int AS dialled FROM calls c JOIN call_attempts a ON a.call_id = c.id
              WHERE c.campaign_id = $1 AND c.status IN ('initiated', 'ringing', 'in_progress')`,
            [campaign.id],
          );
          return { done: r.done, dialled };
        },
        ({ done, dialled }) => done >= 3 && dialled >= 2,
        90_000,
      );
      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      child = undefined;

      const port2 = await freePort();
      worker = await createTestApp({
        role: AppRole.All,
        port: port2,
        publicBaseUrl: `http://127.0.0.1:${port2}`,
        simulator: { callOutcomes: ANSWERED, callSeconds: 2 },
        callReconciler,
      });
      await worker.listen({ port: port2, host: '127.0.0.1' });
      const done = await eventually(
        () => campaignOf(http, t, campaign.id),
        (c) => c.status === 'completed',
        100_000,
      );
      expect(done.progress).toEqual({ total: 14, done: 14 });
      const recipients = await dialsPerRecipient(campaign.id);
      expect(recipients).toHaveLength(14);
      for (const r of recipients) {
        expect(r.dials).toBeGreaterThanOrEqual(1);
        expect(r.dials).toBeLessThanOrEqual(r.attempts);
        expect(r.attempts).toBeLessThanOrEqual(2);
      }
      // A call the dead process had in flight has an unknown outcome: settled as such by the
      // reconciler, and the customer, who may have been called, is not called again.
      const unknown = await queryAsOwner<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM campaign_recipients
          WHERE campaign_id = $1 AND last_outcome = 'unknown'`,
        [campaign.id],
      );
      expect(unknown.length).toBeGreaterThan(0);
      expect(unknown.every((r) => r.status === 'failed' && r.attempts === 1)).toBe(true);
      expect(recipients.every((r) => r.status === 'completed' || r.status === 'failed')).toBe(true);
    }, 200_000);
  });

  describe('when Redis restarts without persistence', () => {
    let redis: ScratchRedis;
    let app: NestFastifyApplication;

    beforeAll(async () => {
      redis = await ScratchRedis.start();
      app = await simulatorApp({ redisUrl: redis.url });
    });
    afterAll(async () => {
      await stopApp(app);
      await redis.down();
    });

    it('resumes dialing by itself: the campaign completes, every recipient called exactly once', async () => {
      const t = await registerTenant(app);
      await setLimits(app, t, { callsPerSecond: 5, maxConcurrentCalls: 4 });
      const campaign = await runCampaign(app, t, 16, { maxAttempts: 1, maxConcurrentCalls: 3 });
      await eventually(
        () => campaignOf(app, t, campaign.id),
        (c) => c.progress.done >= 3,
        30_000,
      );
      // Every job, the tick's schedule and the limiter's keys go; calls are in flight.
      await redis.down();
      await new Promise((r) => setTimeout(r, 3_000));
      await redis.up();

      const done = await eventually(
        () => campaignOf(app, t, campaign.id),
        (c) => c.status === 'completed',
        60_000,
      );
      expect(done.progress).toEqual({ total: 16, done: 16 });
      const recipients = await dialsPerRecipient(campaign.id);
      expect(recipients).toHaveLength(16);
      expect(recipients.map((r) => r.dials)).toEqual(Array(16).fill(1));
      expect(recipients.every((r) => r.status === 'completed')).toBe(true);
    }, 90_000);
  });
});

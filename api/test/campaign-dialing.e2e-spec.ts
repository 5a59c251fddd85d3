import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { CampaignView } from '@navaia/shared';
import { AppRole } from '../src/config/config';
import { SimulatorTelephonyProvider } from '../src/modules/telephony/simulator/simulator.provider';
import { SimulatorWebhooks } from '../src/modules/voice/simulator/simulator-webhooks';
import { createTestApp, queryAsOwner, registerTenant, TestTenant } from './support/app';
import { createCustomer } from './support/records';
import { ScratchRedis } from './support/redis-server';
import { eventually, freePort } from './support/wait';

/** Dialing under faults and load: Redis restarts, and capacity shared between campaigns. */

const ALWAYS_OPEN = { start: '00:00', end: '23:59', days: [1, 2, 3, 4, 5, 6, 7] };
const ANSWERED = { answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 };

async function simulatorApp(overrides: { redisUrl?: string } = {}) {
  const port = await freePort();
  const app = await createTestApp({
    role: AppRole.All,
    port,
    publicBaseUrl: `http://127.0.0.1:${port}`,
    simulator: { callOutcomes: ANSWERED },
    ...overrides,
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
  await http.post(`/api/v1/campaigns/${campaign.id}/start`).set(t.auth).expect(200);
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

describe('campaign dialing', () => {
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

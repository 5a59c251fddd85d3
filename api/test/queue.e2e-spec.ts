import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { uuidv7 } from '../src/common/database/uuid';
import { AppException } from '../src/common/errors/app.exception';
import { MaintenanceJob, QueueName } from '../src/common/queue/queue-names';
import { QueueProducer } from '../src/common/queue/queue-producer';
import { AppRole } from '../src/config/config';
import { createTestApp, queryAsTenant, registerCallingTenant, registerTenant } from './support/app';
import { createCustomer } from './support/records';
import { ScratchRedis } from './support/redis-server';
import { eventually } from './support/wait';

describe('queues', () => {
  describe('when Redis goes down', () => {
    let redis: ScratchRedis;
    let app: NestFastifyApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      redis = await ScratchRedis.start();
      app = await createTestApp({ redisUrl: redis.url });
      http = request(app.getHttpServer());
    });
    afterAll(async () => {
      await app.close();
      await redis.down();
    });

    it('fails fast with 503 and recovers by itself when Redis returns', async () => {
      await http.get('/api/health/ready').expect(200);
      const tenant = await registerCallingTenant(app);
      const customer = await createCustomer(app, tenant);
      await redis.down();

      const started = Date.now();
      const ready = await http.get('/api/health/ready').expect(503);
      expect(ready.body.checks).toEqual({ database: 'up', redis: 'down' });
      const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
      const error = await app
        .get(QueueProducer)
        .add(queue, MaintenanceJob.PurgeExpired, {})
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppException);
      expect((error as AppException).statusCode).toBe(503);
      const login = await http
        .post('/api/v1/auth/login')
        .send({ email: 'a@example.com', password: 'whatever123' })
        .expect(503);
      expect(login.headers['retry-after']).toBeDefined();
      // Dialing runs on Redis: a call is refused rather than accepted and left undialled.
      const call = await http
        .post(`/api/v1/customers/${customer.id}/call`)
        .set(tenant.auth)
        .send({})
        .expect(503);
      expect(call.body.code).toBe('dependency_unavailable');
      expect(Date.now() - started).toBeLessThan(5_000);

      await redis.up();
      const recovered = await eventually(
        () => http.get('/api/health/ready'),
        (res) => res.status === 200,
      );
      expect(recovered.status).toBe(200);
      const id = await eventually(
        () =>
          app
            .get(QueueProducer)
            .add(queue, MaintenanceJob.PurgeExpired, {})
            .catch(() => ''),
        (jobId) => jobId !== '',
      );
      expect(id).not.toBe('');
      const placed = await eventually(
        () => http.post(`/api/v1/customers/${customer.id}/call`).set(tenant.auth).send({}),
        (res) => res.status === 202,
      );
      expect(placed.body.status).toBe('queued');
    });
  });

  describe('tenant jobs', () => {
    let app: NestFastifyApplication;

    beforeAll(async () => {
      app = await createTestApp({ role: AppRole.All });
      // Let the purge that the worker schedules at start-up finish, so it cannot touch this test's rows.
      const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
      await eventually(
        async () => ({
          counts: await queue.getJobCounts('wait', 'active', 'prioritized'),
          done: await queue.getJobCountByTypes('completed'),
        }),
        ({ counts, done }) => done > 0 && Object.values(counts).every((n) => n === 0),
      );
    });
    afterAll(() => app.close());

    it('a worker runs a tenant job inside that tenant only', async () => {
      const a = await registerTenant(app);
      const b = await registerTenant(app);
      const longAgo = new Date(Date.now() - 30 * 24 * 3600_000);
      for (const t of [a, b]) {
        await queryAsTenant(
          app,
          t.tenant.id,
          `INSERT INTO refresh_tokens (id, tenant_id, user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4, 'x', $5)`,
          [uuidv7(), t.tenant.id, t.user.id, uuidv7(), longAgo],
        );
      }
      const expired = (tenantId: string) =>
        queryAsTenant<{ n: number }>(
          app,
          tenantId,
          'SELECT count(*)::int AS n FROM refresh_tokens WHERE expires_at < now()',
        );

      const queue = app.get<Queue>(getQueueToken(QueueName.Maintenance));
      await app
        .get(QueueProducer)
        .add(queue, MaintenanceJob.PurgeTenant, { tenantId: a.tenant.id });

      expect(
        await eventually(
          () => expired(a.tenant.id),
          ([row]) => row.n === 0,
        ),
      ).toEqual([{ n: 0 }]);
      expect(await expired(b.tenant.id)).toEqual([{ n: 1 }]);
    });
  });
});

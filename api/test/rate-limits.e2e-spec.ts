import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import request from 'supertest';
import { QueueName } from '../src/common/queue/queue-names';
import { createTestApp, registerTenant } from './support/app';
import { createApiKey } from './support/api-keys';
import { eventually } from './support/wait';
import { ScratchRedis } from './support/redis-server';

const USER_LIMIT = 5;
const KEY_LIMIT = 3;

describe('rate limits', () => {
  describe('with limits', () => {
    let app: NestFastifyApplication;
    let http: ReturnType<typeof request>;

    beforeAll(async () => {
      app = await createTestApp({
        rateLimits: { userPerMinute: USER_LIMIT, apiKeyPerMinute: KEY_LIMIT },
      });
      http = request(app.getHttpServer());
    });
    afterAll(() => app.close());

    it('counts down in headers, then answers 429 with Retry-After', async () => {
      const t = await registerTenant(app);
      const remaining: string[] = [];
      for (let i = 0; i < USER_LIMIT; i++) {
        const res = await http.get('/api/v1/customers').set(t.auth).expect(200);
        expect(res.headers['ratelimit-limit']).toBe(String(USER_LIMIT));
        const reset = Number(res.headers['ratelimit-reset']);
        expect(reset).toBeGreaterThanOrEqual(1);
        expect(reset).toBeLessThanOrEqual(60);
        remaining.push(res.headers['ratelimit-remaining']);
      }
      expect(remaining).toEqual(['4', '3', '2', '1', '0']);

      const refused = await http.get('/api/v1/customers').set(t.auth).expect(429);
      expect(refused.body).toMatchObject({ statusCode: 429, code: 'rate_limited' });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(refused.headers['ratelimit-remaining']).toBe('0');
      // Writes count against the same budget.
      await http.post('/api/v1/customers').set(t.auth).send({ phone: '+14155550141' }).expect(429);
    });

    it('counts each user on their own', async () => {
      const busy = await registerTenant(app);
      const quiet = await registerTenant(app);
      for (let i = 0; i <= USER_LIMIT; i++) await http.get('/api/v1/customers').set(busy.auth);
      await http.get('/api/v1/customers').set(busy.auth).expect(429);
      const res = await http.get('/api/v1/customers').set(quiet.auth).expect(200);
      expect(res.headers['ratelimit-remaining']).toBe(String(USER_LIMIT - 1));
    });

    it('counts an API key on its own, with its own limit', async () => {
      const t = await registerTenant(app);
      const key = await createApiKey(app, t);
      for (let i = 0; i < KEY_LIMIT; i++) {
        const res = await http.get('/api/v1/customers').set(key.auth).expect(200);
        expect(res.headers['ratelimit-limit']).toBe(String(KEY_LIMIT));
      }
      const refused = await http.get('/api/v1/customers').set(key.auth).expect(429);
      expect(refused.headers['retry-after']).toBeDefined();
      // The owner who created the key still has their own budget.
      await http.get('/api/v1/customers').set(t.auth).expect(200);
    });

    it('sends no headers where nobody is authenticated', async () => {
      const res = await http.get('/api/health').expect(200);
      expect(res.headers['ratelimit-limit']).toBeUndefined();
      const unauthenticated = await http.get('/api/v1/customers').expect(401);
      expect(unauthenticated.headers['ratelimit-limit']).toBeUndefined();
    });
  });

  it('can be switched off', async () => {
    const app = await createTestApp({ rateLimits: { userPerMinute: 0, apiKeyPerMinute: 0 } });
    try {
      const http = request(app.getHttpServer());
      const t = await registerTenant(app);
      for (let i = 0; i < 3; i++) {
        const res = await http.get('/api/v1/customers').set(t.auth).expect(200);
        expect(res.headers['ratelimit-limit']).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });

  describe('when Redis is down', () => {
    let redis: ScratchRedis;
    let app: NestFastifyApplication;

    beforeAll(async () => {
      redis = await ScratchRedis.start();
      app = await createTestApp({
        redisUrl: redis.url,
        rateLimits: { userPerMinute: USER_LIMIT, apiKeyPerMinute: KEY_LIMIT },
      });
    });
    afterAll(async () => {
      // Queues close cleanly once they have reconnected.
      const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name)));
      await eventually(
        async () => (await Promise.all(queues.map((q) => q.client))).map((c) => c.status),
        (statuses) => statuses.every((s) => s === 'ready'),
      );
      await app.close();
      await redis.down();
    });

    it('lets reads through unlimited rather than fail them, and limits again once it is back', async () => {
      const http = request(app.getHttpServer());
      const t = await registerTenant(app);
      const before = await http.get('/api/v1/customers').set(t.auth).expect(200);
      expect(before.headers['ratelimit-limit']).toBe(String(USER_LIMIT));

      await redis.down();
      try {
        for (let i = 0; i <= USER_LIMIT; i++) {
          const res = await http.get('/api/v1/customers').set(t.auth).expect(200);
          expect(res.headers['ratelimit-limit']).toBeUndefined();
        }
      } finally {
        await redis.up();
      }
      const limited = await eventually(
        () => http.get('/api/v1/customers').set(t.auth),
        (res) => res.headers['ratelimit-limit'] !== undefined,
      );
      expect(limited.headers['ratelimit-limit']).toBe(String(USER_LIMIT));
    });
  });
});

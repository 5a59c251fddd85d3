import { createHmac } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  addMember,
  createTestApp,
  refreshCookieOf,
  registerTenant,
  STRONG_PASSWORD,
  testConfig,
} from './support/app';
import type Redis from 'ioredis';
import { REDIS } from '../src/common/redis/redis.module';
import { tokenVersionKey, TokenVersions } from '../src/modules/auth/token-versions';
import { ScratchRedis } from './support/redis-server';

const REVOKED = { code: 'session_revoked' };

function signed(claims: object): string {
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  const signature = createHmac('sha256', testConfig().jwtSecret)
    .update(unsigned)
    .digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('sessions end at once', () => {
  let app: NestFastifyApplication;
  let other: NestFastifyApplication;
  let http: ReturnType<typeof request>;
  let otherHttp: ReturnType<typeof request>;

  beforeAll(async () => {
    // Two API processes sharing the database and Redis, as in production.
    [app, other] = await Promise.all([createTestApp(), createTestApp()]);
    http = request(app.getHttpServer());
    otherHttp = request(other.getHttpServer());
  });
  afterAll(() => Promise.all([app.close(), other.close()]));

  it('ends the access token at logout, on every process', async () => {
    const t = await registerTenant(app);
    await otherHttp.get('/api/v1/auth/me').set(t.auth).expect(200);
    await http.post('/api/v1/auth/logout').set('Cookie', t.refreshCookie).expect(204);
    const res = await otherHttp.get('/api/v1/auth/me').set(t.auth).expect(401);
    expect(res.body).toMatchObject(REVOKED);
    await http.get('/api/v1/customers').set(t.auth).expect(401);
  });

  it('ends the access token at a logout that sends only the token, without the cookie', async () => {
    const t = await registerTenant(app);
    await http.post('/api/v1/auth/logout').set(t.auth).expect(204);
    const res = await otherHttp.get('/api/v1/customers').set(t.auth).expect(401);
    expect(res.body).toMatchObject(REVOKED);
  });

  it('takes an admin’s rights away the moment the admin is demoted', async () => {
    const owner = await registerTenant(app);
    const admin = await addMember(app, owner, 'admin');
    await otherHttp.get('/api/v1/users').set(admin.auth).expect(200);
    await http
      .patch(`/api/v1/users/${admin.id}`)
      .set(owner.auth)
      .send({ role: 'viewer' })
      .expect(200);

    const attempts = [
      otherHttp
        .post('/api/v1/users')
        .set(admin.auth)
        .send({
          name: 'Sneaky',
          email: `sneaky-${admin.id}@example.com`,
          role: 'admin',
          password: 'initial password 42',
        }),
      otherHttp.patch('/api/v1/tenant').set(admin.auth).send({ name: 'Taken over' }),
      otherHttp
        .post('/api/v1/api-keys')
        .set(admin.auth)
        .send({ name: 'Everything', scopes: ['*'] }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject(REVOKED);
    }
    // The demoted user signs in again and gets the new role's rights only.
    const login = await http
      .post('/api/v1/auth/login')
      .send({ email: admin.email, password: STRONG_PASSWORD })
      .expect(200);
    const viewer = { Authorization: `Bearer ${login.body.accessToken}` };
    const me = await otherHttp.get('/api/v1/auth/me').set(viewer).expect(200);
    expect(me.body.user.role).toBe('viewer');
    await otherHttp.patch('/api/v1/tenant').set(viewer).send({ name: 'Taken over' }).expect(403);
  });

  it('ends a removed member’s tokens: no webhook endpoint, no customer', async () => {
    const owner = await registerTenant(app);
    const admin = await addMember(app, owner, 'admin');
    const agent = await addMember(app, owner, 'agent');
    await otherHttp.get('/api/v1/customers').set(agent.auth).expect(200);
    await http.delete(`/api/v1/users/${admin.id}`).set(owner.auth).expect(204);
    await http.delete(`/api/v1/users/${agent.id}`).set(owner.auth).expect(204);

    const endpoint = await otherHttp
      .post('/api/v1/webhook-endpoints')
      .set(admin.auth)
      .send({ url: 'https://example.com/hook', eventTypes: ['ticket.created'] });
    expect(endpoint.status).toBe(401);
    expect(endpoint.body).toMatchObject(REVOKED);
    const customer = await otherHttp
      .post('/api/v1/customers')
      .set(agent.auth)
      .send({ firstName: 'Left', phone: '+14155550123' });
    expect(customer.status).toBe(401);
    expect(customer.body).toMatchObject(REVOKED);
  });

  it('ends every other access token when the password changes, and keeps the new one', async () => {
    const t = await registerTenant(app);
    const second = await http
      .post('/api/v1/auth/login')
      .send({ email: t.user.email, password: STRONG_PASSWORD })
      .expect(200);
    const changed = await http
      .post('/api/v1/auth/change-password')
      .set(t.auth)
      .send({ currentPassword: STRONG_PASSWORD, newPassword: 'another horse battery staple' })
      .expect(200);
    for (const token of [t.accessToken, second.body.accessToken]) {
      const res = await otherHttp
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(401);
      expect(res.body).toMatchObject(REVOKED);
    }
    await otherHttp
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${changed.body.accessToken}`)
      .expect(200);
  });

  it('ends the access tokens when a reused refresh token revokes its family', async () => {
    const t = await registerTenant(app);
    const first = await http
      .post('/api/v1/auth/refresh')
      .set('Cookie', t.refreshCookie)
      .expect(200);
    const stolen = { Authorization: `Bearer ${first.body.accessToken}` };
    await otherHttp.get('/api/v1/auth/me').set(stolen).expect(200);
    await http.post('/api/v1/auth/refresh').set('Cookie', t.refreshCookie).expect(401);
    await otherHttp.get('/api/v1/auth/me').set(stolen).expect(401);
  });

  it('lets another session of the user continue by refreshing after a logout elsewhere', async () => {
    const t = await registerTenant(app);
    const laptop = await http
      .post('/api/v1/auth/login')
      .send({ email: t.user.email, password: STRONG_PASSWORD })
      .expect(200);
    await http.post('/api/v1/auth/logout').set('Cookie', t.refreshCookie).expect(204);
    const refreshed = await otherHttp
      .post('/api/v1/auth/refresh')
      .set('Cookie', refreshCookieOf(laptop))
      .expect(200);
    await otherHttp
      .get('/api/v1/auth/me')
      .set('Authorization', `Bearer ${refreshed.body.accessToken}`)
      .expect(200);
  });

  it('reads a cached version from Redis, with the rate limit, and PostgreSQL only on a miss', async () => {
    const t = await registerTenant(app);
    const load = jest.spyOn(other.get(TokenVersions), 'load');
    const commands = jest.spyOn(other.get<Redis>(REDIS), 'sendCommand');
    try {
      await other.get<Redis>(REDIS).del(tokenVersionKey(t.user.id));
      await otherHttp.get('/api/v1/auth/me').set(t.auth).expect(200);
      expect(load).toHaveBeenCalledTimes(1); // a miss: read and cached
      commands.mockClear();
      await otherHttp.get('/api/v1/auth/me').set(t.auth).expect(200);
      await otherHttp.get('/api/v1/auth/me').set(t.auth).expect(200);
      expect(load).toHaveBeenCalledTimes(1);
      expect(commands).toHaveBeenCalledTimes(2); // one round trip per request
    } finally {
      load.mockRestore();
      commands.mockRestore();
    }
  });

  it('rejects a correctly signed token without an expiry', async () => {
    const t = await registerTenant(app);
    const forever = signed({
      sub: t.user.id,
      tid: t.tenant.id,
      role: 'owner',
      ver: 1,
      iss: 'navaia',
      aud: 'navaia-api',
      iat: Math.floor(Date.now() / 1000),
    });
    await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${forever}`).expect(401);
  });
});

describe('sessions while Redis is unreachable', () => {
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

  it('reads the version from PostgreSQL, so a demotion still ends the token at once', async () => {
    const owner = await registerTenant(app);
    const admin = await addMember(app, owner, 'admin');
    await http.get('/api/v1/users').set(admin.auth).expect(200); // cached in Redis

    await redis.down();
    try {
      await http.get('/api/v1/users').set(owner.auth).expect(200);
      await http
        .patch(`/api/v1/users/${admin.id}`)
        .set(owner.auth)
        .send({ role: 'viewer' })
        .expect(200);
      const res = await http.get('/api/v1/users').set(admin.auth).expect(401);
      expect(res.body).toMatchObject(REVOKED);
    } finally {
      await redis.up();
    }
    // Back, empty: the version is read from PostgreSQL again and cached.
    const res = await http.get('/api/v1/users').set(admin.auth).expect(401);
    expect(res.body).toMatchObject(REVOKED);
  });
});

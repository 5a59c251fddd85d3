import { createHmac, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import {
  addMember,
  createTestApp,
  queryAsOwner,
  refreshCookieOf,
  registerTenant,
  STRONG_PASSWORD,
  testConfig,
} from './support/app';

function b64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function forgeToken(header: object, claims: object, secret = testConfig().jwtSecret): string {
  const unsigned = `${b64url(header)}.${b64url(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

describe('auth', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp();
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  describe('register', () => {
    it('creates a tenant with its owner and sets a strict, httpOnly refresh cookie', async () => {
      const email = `new-${randomUUID()}@example.com`;
      const res = await http
        .post('/api/v1/auth/register')
        .send({ tenantName: 'Blue Bakery', name: 'Bea Baker', email, password: STRONG_PASSWORD })
        .expect(201);
      expect(res.body.user).toMatchObject({ email, role: 'owner', mustChangePassword: false });
      expect(res.body.tenant).toMatchObject({
        name: 'Blue Bakery',
        timezone: 'UTC',
        defaultCountry: 'US',
      });
      expect(res.body.accessToken).toEqual(expect.any(String));
      const cookie = ([] as string[])
        .concat(res.headers['set-cookie'])
        .find((c) => c.startsWith('navaia_refresh='));
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
    });

    it('stores every password as argon2id: an owner’s, a member’s initial one and a changed one', async () => {
      const tenant = await registerTenant(app);
      const member = await addMember(app, tenant, 'agent'); // sets, then changes, a password
      const rows = await queryAsOwner<{ email: string; password_hash: string }>(
        'SELECT email, password_hash FROM users WHERE tenant_id = $1',
        [tenant.tenant.id],
      );
      expect(rows.map((r) => r.email).sort()).toEqual([tenant.user.email, member.email].sort());
      for (const row of rows) {
        expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$[mtp=\d,]+\$/);
        expect(row.password_hash).not.toContain(STRONG_PASSWORD);
      }
      // The member's hash is of the changed password, not the initial one.
      await http
        .post('/api/v1/auth/login')
        .send({ email: member.email, password: STRONG_PASSWORD })
        .expect(200);
    });

    it('rejects a weak password with the reason on the field', async () => {
      const res = await http
        .post('/api/v1/auth/register')
        .send({
          tenantName: 'X',
          name: 'Y Z',
          email: `w-${randomUUID()}@example.com`,
          password: 'short',
        })
        .expect(400);
      expect(res.body.details).toContainEqual({
        field: 'password',
        message: 'password must be at least 10 characters long',
      });
    });

    it('answers 409 for an email that already has an account', async () => {
      const tenant = await registerTenant(app);
      const res = await http
        .post('/api/v1/auth/register')
        .send({
          tenantName: 'Other',
          name: 'Other Person',
          email: tenant.user.email,
          password: STRONG_PASSWORD,
        })
        .expect(409);
      expect(res.body.code).toBe('email_taken');
    });

    it.each([['tenantId'], ['role'], ['mustChangePassword']])(
      'rejects the unknown field %s (mass assignment)',
      async (field) => {
        const res = await http
          .post('/api/v1/auth/register')
          .send({
            tenantName: 'X',
            name: 'Y Z',
            email: `m-${randomUUID()}@example.com`,
            password: STRONG_PASSWORD,
            [field]: 'x',
          })
          .expect(400);
        expect(res.body.details).toContainEqual({
          field,
          message: `${field} is not an accepted field`,
        });
      },
    );
  });

  describe('login', () => {
    it('logs in with the right password and records the login', async () => {
      const tenant = await registerTenant(app);
      const res = await http
        .post('/api/v1/auth/login')
        .send({ email: tenant.user.email, password: STRONG_PASSWORD })
        .expect(200);
      expect(res.body.user.id).toBe(tenant.user.id);
      expect(res.body.user.lastLoginAt).not.toBeNull();
      expect(refreshCookieOf(res)).toMatch(/^navaia_refresh=/);
    });

    it('treats the email case-insensitively', async () => {
      const tenant = await registerTenant(app);
      await http
        .post('/api/v1/auth/login')
        .send({ email: tenant.user.email.toUpperCase(), password: STRONG_PASSWORD })
        .expect(200);
    });

    it('answers the same 401 for a wrong password and an unknown account', async () => {
      const tenant = await registerTenant(app);
      const wrong = await http
        .post('/api/v1/auth/login')
        .send({ email: tenant.user.email, password: 'not the password' })
        .expect(401);
      const unknown = await http
        .post('/api/v1/auth/login')
        .send({ email: `nobody-${randomUUID()}@example.com`, password: 'whatever123' })
        .expect(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('throttles an account after five failures with 429 and Retry-After, even for the right password', async () => {
      const tenant = await registerTenant(app);
      for (let i = 0; i < 5; i++) {
        await http
          .post('/api/v1/auth/login')
          .send({ email: tenant.user.email, password: `wrong-${i}-password` })
          .expect(401);
      }
      const res = await http
        .post('/api/v1/auth/login')
        .send({ email: tenant.user.email, password: STRONG_PASSWORD })
        .expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(res.body.code).toBe('login_throttled');
    });
  });

  describe('access tokens', () => {
    it('rejects a garbage token', async () => {
      await http.get('/api/v1/auth/me').set('Authorization', 'Bearer not-a-jwt').expect(401);
    });

    it('rejects an unsigned token (alg: none)', async () => {
      const tenant = await registerTenant(app);
      const claims = {
        sub: tenant.user.id,
        tid: tenant.tenant.id,
        role: 'owner',
        iss: 'navaia',
        aud: 'navaia-api',
        exp: Math.floor(Date.now() / 1000) + 600,
      };
      const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${none}`).expect(401);
    });

    it('rejects an expired token', async () => {
      const tenant = await registerTenant(app);
      const past = Math.floor(Date.now() / 1000) - 60;
      const token = forgeToken(
        { alg: 'HS256', typ: 'JWT' },
        {
          sub: tenant.user.id,
          tid: tenant.tenant.id,
          role: 'owner',
          iss: 'navaia',
          aud: 'navaia-api',
          iat: past - 900,
          exp: past,
        },
      );
      await http.get('/api/v1/auth/me').set('Authorization', `Bearer ${token}`).expect(401);
    });

    it('rejects a token signed with another secret or another algorithm', async () => {
      const tenant = await registerTenant(app);
      const claims = {
        sub: tenant.user.id,
        tid: tenant.tenant.id,
        role: 'owner',
        iss: 'navaia',
        aud: 'navaia-api',
        exp: Math.floor(Date.now() / 1000) + 600,
      };
      await http
        .get('/api/v1/auth/me')
        .set(
          'Authorization',
          `Bearer ${forgeToken({ alg: 'HS256' }, claims, 'another-secret-another-secret-another')}`,
        )
        .expect(401);
      await http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${forgeToken({ alg: 'HS512' }, claims)}`)
        .expect(401);
    });

    it('accepts a valid token and returns the principal', async () => {
      const tenant = await registerTenant(app);
      const res = await http.get('/api/v1/auth/me').set(tenant.auth).expect(200);
      expect(res.body).toMatchObject({
        user: { id: tenant.user.id },
        tenant: { id: tenant.tenant.id },
        principal: { type: 'user' },
      });
    });
  });

  describe('refresh tokens', () => {
    it('rotates the refresh token on every use', async () => {
      const tenant = await registerTenant(app);
      const first = await http
        .post('/api/v1/auth/refresh')
        .set('Cookie', tenant.refreshCookie)
        .expect(200);
      const rotated = refreshCookieOf(first);
      expect(rotated).not.toBe(tenant.refreshCookie);
      await http
        .get('/api/v1/auth/me')
        .set('Authorization', `Bearer ${first.body.accessToken}`)
        .expect(200);
      await http.post('/api/v1/auth/refresh').set('Cookie', rotated).expect(200);
    });

    it('revokes the whole family when a rotated token is reused', async () => {
      const tenant = await registerTenant(app);
      const first = await http
        .post('/api/v1/auth/refresh')
        .set('Cookie', tenant.refreshCookie)
        .expect(200);
      const current = refreshCookieOf(first);
      // The original token was rotated; presenting it again means it was stolen.
      await http.post('/api/v1/auth/refresh').set('Cookie', tenant.refreshCookie).expect(401);
      // …so the legitimate holder's current token is dead too.
      await http.post('/api/v1/auth/refresh').set('Cookie', current).expect(401);
    });

    it('answers 401 without a cookie or with a forged one', async () => {
      await http.post('/api/v1/auth/refresh').expect(401);
      await http
        .post('/api/v1/auth/refresh')
        .set('Cookie', `navaia_refresh=${randomUUID()}.${'a'.repeat(43)}`)
        .expect(401);
    });

    it('logout revokes the session', async () => {
      const tenant = await registerTenant(app);
      await http.post('/api/v1/auth/logout').set('Cookie', tenant.refreshCookie).expect(204);
      await http.post('/api/v1/auth/refresh').set('Cookie', tenant.refreshCookie).expect(401);
    });
  });
});

describe('login throttling per client address', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('blocks an address that fails across many accounts, without blocking other addresses', async () => {
    const { LoginThrottle, IP_FAILURE_LIMIT } = await import('../src/modules/auth/login-throttle');
    const throttle = app.get(LoginThrottle);
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < IP_FAILURE_LIMIT; i++)
      await throttle.recordFailure(ip, `spray-${i}-${randomUUID()}@example.com`);
    await expect(
      throttle.assertAllowed(ip, `fresh-${randomUUID()}@example.com`),
    ).rejects.toMatchObject({
      statusCode: 429,
      headers: { 'Retry-After': expect.stringMatching(/^\d+$/) },
    });
    await expect(
      throttle.assertAllowed('198.51.100.1', `fresh-${randomUUID()}@example.com`),
    ).resolves.toBeUndefined();
  });
});

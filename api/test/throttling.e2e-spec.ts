import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createTestApp, registerTenant, STRONG_PASSWORD, testConfig } from './support/app';

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.7';

const register = (http: ReturnType<typeof request>, from?: string) => {
  const req = http.post('/api/v1/auth/register');
  if (from) void req.set('X-Forwarded-For', from);
  return req.send({
    tenantName: 'Throttled',
    name: 'Rita Register',
    email: `register-${randomUUID()}@example.com`,
    password: STRONG_PASSWORD,
  });
};

describe('login throttling without a trusted proxy', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    app = await createTestApp({ trustProxy: false });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('counts the connection’s address: a forged X-Forwarded-For does not escape the limit', async () => {
    const t = await registerTenant(app);
    for (let i = 0; i < 5; i++) {
      await http
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', `192.0.2.${i + 1}`)
        .send({ email: t.user.email, password: `wrong-${i}-password` })
        .expect(401);
    }
    const res = await http
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', '192.0.2.99')
      .send({ email: t.user.email, password: STRONG_PASSWORD })
      .expect(429);
    expect(res.body.code).toBe('login_throttled');
  });
});

describe('login and registration throttling behind a trusted proxy', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    // The test client is the proxy (127.0.0.1, one hop); X-Forwarded-For names the client.
    app = await createTestApp({ trustProxy: 1, registrationsPerAddressPerHour: 2 });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  const login = (from: string, email: string, password: string) =>
    http.post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  it('slows an attacker guessing one account without locking its owner out', async () => {
    const t = await registerTenant(app);
    for (let i = 0; i < 5; i++)
      await login(ATTACKER, t.user.email, `wrong-${i}-password`).expect(401);
    // The attacker is stopped even with the right password…
    const stopped = await login(ATTACKER, t.user.email, STRONG_PASSWORD).expect(429);
    expect(Number(stopped.headers['retry-after'])).toBeGreaterThan(0);
    // …while the owner, from their own address, signs in.
    await login(OWNER, t.user.email, STRONG_PASSWORD).expect(200);
  });

  it('limits registrations per client address, with Retry-After', async () => {
    const from = `192.0.2.${Math.floor(Math.random() * 200) + 20}`;
    await register(http, from).expect(201);
    await register(http, from).expect(201);
    const refused = await register(http, from).expect(429);
    expect(refused.body).toMatchObject({
      code: 'registration_throttled',
      message: 'Too many sign-ups from your network; try again later',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await register(http, `${from.slice(0, -1)}9`).expect(201);
  });
});

describe('registration throttling without a trusted proxy', () => {
  let app: NestFastifyApplication;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    // Its own counters: the other apps of this file registered from 127.0.0.1 too.
    app = await createTestApp({
      trustProxy: false,
      registrationsPerAddressPerHour: 1,
      queuePrefix: `${testConfig().queuePrefix}-direct`,
    });
    http = request(app.getHttpServer());
  });
  afterAll(() => app.close());

  it('ignores a forged X-Forwarded-For', async () => {
    await register(http, '192.0.2.1').expect(201);
    await register(http, '192.0.2.2').expect(429);
  });
});

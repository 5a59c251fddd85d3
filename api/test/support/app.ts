import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AuthResponse } from '@navaia/shared';
import { ResolvedConfig } from '../../src/app.module';
import { createHttpApp } from '../../src/common/http/http-app';
import { AppRole, loadConfig } from '../../src/config/config';
import { runOperator } from '../../src/scripts/operator';
import { DATABASE_URL_VAR, REDIS_URL } from './env';

/**
 * Queues of this test file only: jest loads this module afresh for every file, so a worker
 * started by one file never takes jobs another file's apps left behind (calls queued by an
 * HTTP-only app, say), while the apps of one file share their queues.
 */
const QUEUE_PREFIX = `navaia-test-${process.pid}-${randomUUID().slice(0, 8)}`;

export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const databaseUrl = process.env[DATABASE_URL_VAR];
  if (!databaseUrl) throw new Error('The e2e global setup did not create a database');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    LOG_LEVEL: 'silent',
    SIMULATOR_SPEED: 'fast',
  });
  return {
    ...config,
    databaseUrl,
    role: AppRole.Http,
    queuePrefix: QUEUE_PREFIX,
    // Suites run side by side on one database, and a relay claims due deliveries of every
    // tenant: only the suite about outgoing webhooks runs one, so no other process (with
    // other settings) attempts its deliveries.
    outgoingWebhooks: { ...config.outgoingWebhooks, relayIntervalMs: 0 },
    // Every suite registers its tenants from 127.0.0.1; the throttle has its own test.
    registrationsPerAddressPerHour: 0,
    // Likewise for the inbox's relay: it queues waiting events of every suite.
    inboxRelay: { ...config.inboxRelay, intervalMs: 0 },
    ...overrides,
  };
}

/** The HTTP application as production builds it, ready for supertest. */
export async function createTestApp(
  overrides: Partial<ResolvedConfig> = {},
): Promise<NestFastifyApplication> {
  const app = await createHttpApp(testConfig(overrides));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export const STRONG_PASSWORD = 'correct horse battery staple';

export interface TestTenant extends AuthResponse {
  password: string;
  refreshCookie: string;
  auth: { Authorization: string };
}

/** Registers a new tenant with a unique owner; every test gets its own tenant. */
export async function registerTenant(
  app: NestFastifyApplication,
  name = 'Acme',
): Promise<TestTenant> {
  const email = `owner-${randomUUID()}@example.com`;
  const res = await request(app.getHttpServer())
    .post('/api/v1/auth/register')
    .send({ tenantName: name, name: 'Olivia Owner', email, password: STRONG_PASSWORD })
    .expect(201);
  return {
    ...(res.body as AuthResponse),
    password: STRONG_PASSWORD,
    refreshCookie: refreshCookieOf(res),
    auth: { Authorization: `Bearer ${res.body.accessToken}` },
  };
}

/** Calling hours open all day, every day (an end at the start is 24 hours). */
export const ALWAYS_OPEN_CALLING_WINDOW = {
  start: '00:00',
  end: '00:00',
  days: [1, 2, 3, 4, 5, 6, 7],
};

/**
 * A new tenant whose operators may call at any hour: calls are refused outside the calling
 * window in the customer's zone, and tests that place calls must pass whatever the clock says.
 */
export async function registerCallingTenant(
  app: NestFastifyApplication,
  name?: string,
): Promise<TestTenant> {
  const t = await registerTenant(app, name);
  await request(app.getHttpServer())
    .patch('/api/v1/tenant')
    .set(t.auth)
    .send({ callingWindow: ALWAYS_OPEN_CALLING_WINDOW })
    .expect(200);
  return t;
}

/** The `name=value` of the refresh cookie a response sets. */
export function refreshCookieOf(res: request.Response): string {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const cookie = cookies.find((c) => c.startsWith('navaia_refresh='));
  if (!cookie) throw new Error('No refresh cookie was set');
  return cookie.split(';')[0];
}

/** Adds a member as the given admin and logs them in with a changed password. */
export async function addMember(
  app: NestFastifyApplication,
  admin: TestTenant,
  role: string,
): Promise<{ id: string; email: string; auth: { Authorization: string } }> {
  const http = request(app.getHttpServer());
  const email = `${role}-${randomUUID()}@example.com`;
  const initial = 'initial password 42';
  const created = await http
    .post('/api/v1/users')
    .set(admin.auth)
    .send({ name: `Member ${role}`, email, role, password: initial })
    .expect(201);
  const login = await http
    .post('/api/v1/auth/login')
    .send({ email, password: initial })
    .expect(200);
  const changed = await http
    .post('/api/v1/auth/change-password')
    .set({ Authorization: `Bearer ${login.body.accessToken}` })
    .send({ currentPassword: initial, newPassword: STRONG_PASSWORD })
    .expect(200);
  return {
    id: created.body.id,
    email,
    auth: { Authorization: `Bearer ${changed.body.accessToken}` },
  };
}

/** Runs SQL as the application role within one tenant, as a request would. */
export async function queryAsTenant<T = Record<string, unknown>>(
  app: NestFastifyApplication,
  tenantId: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return app.get(DataSource).transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return manager.query(sql, params);
  });
}

/** Runs SQL as the database owner, past row-level security: for asserting what is stored. */
export async function queryAsOwner<T = Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const { Client } = await import('pg');
  const client = new Client({ connectionString: process.env[DATABASE_URL_VAR] });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Runs `npm run operator -- …` against the test database; answers its exit code and output. */
export async function operatorCommand(
  ...argv: string[]
): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const io = { out: (line: string) => lines.push(line), err: (line: string) => lines.push(line) };
  const env = {
    NODE_ENV: 'test',
    DATABASE_URL: process.env[DATABASE_URL_VAR],
    JWT_SECRET: testConfig().jwtSecret,
  };
  const code = await runOperator(argv, env, io, 'test suite');
  return { code, output: lines.join('\n') };
}

/** Makes an existing user a platform operator, as `npm run operator -- grant` does. */
export async function grantOperator(email: string): Promise<void> {
  const { code, output } = await operatorCommand('grant', email);
  if (code !== 0) throw new Error(output);
}

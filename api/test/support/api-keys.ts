import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { CreatedApiKey } from '@navaia/shared';
import type { TestTenant } from './app';

export interface TestApiKey extends CreatedApiKey {
  /** Headers that authenticate as the key. */
  auth: { 'X-API-Key': string };
}

/** Creates an API key as the tenant's owner. */
export async function createApiKey(
  app: NestFastifyApplication,
  t: TestTenant,
  body: { name?: string; scopes?: string[]; expiresAt?: string } = {},
): Promise<TestApiKey> {
  const res = await request(app.getHttpServer())
    .post('/api/v1/api-keys')
    .set(t.auth)
    .send({ name: 'Integration', ...body })
    .expect(201);
  return asTestKey(res.body);
}

export function asTestKey(created: CreatedApiKey): TestApiKey {
  return { ...created, auth: { 'X-API-Key': created.key } };
}

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import request from 'supertest';
import {
  exampleBody,
  OpenAPIObject,
  Operation,
  parametersOf,
  startDocumentedApp,
} from './support/openapi';
import { pathWithIds, seedTenant, SeededTenant } from './support/seeds';

/** Every create that takes `Idempotency-Key` (as documented) answers a repeat with the first answer. */
describe('Idempotency-Key on every create that documents it', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let creates: Operation[];
  let seeded: SeededTenant;

  beforeAll(async () => {
    let operations: Operation[];
    ({ app, document, operations } = await startDocumentedApp());
    creates = operations.filter((op) =>
      parametersOf(op.operation, 'header').some((p) => p.name === 'Idempotency-Key'),
    );
    seeded = await seedTenant(app);
  });
  afterAll(() => app.close());

  it('creates one record for the same key twice and replays the same answer', async () => {
    const http = request(app.getHttpServer());
    const results = [];
    for (const op of creates) {
      const path = pathWithIds(op, seeded.ids);
      const body = exampleBody(document, op.operation, seeded.ids) ?? {};
      const key = randomUUID();
      const send = () =>
        http[op.method.toLowerCase() as 'post'](path)
          .set(seeded.tenant.auth)
          .set('Idempotency-Key', key)
          .send(body);
      const first = await send();
      const second = await send();
      results.push({
        route: op.name,
        first: first.status,
        // Same status and body (key order may differ: the answer is kept as jsonb).
        sameAnswer: second.status === first.status && isDeepStrictEqual(second.body, first.body),
        replayed: second.headers['idempotent-replayed'],
      });
      // A different body under the same key is refused rather than answered with the first.
      const other = await http[op.method.toLowerCase() as 'post'](path)
        .set(seeded.tenant.auth)
        .set('Idempotency-Key', key)
        .send({ ...body, unexpectedDifference: true });
      expect({ route: op.name, status: other.status }).toEqual({ route: op.name, status: 422 });
    }
    expect(creates.length).toBeGreaterThanOrEqual(4);
    expect(results).toEqual(
      // 201 for records, 202 for calls (queued work).
      results.map((r) => ({
        ...r,
        first: r.route.includes('/call') ? 202 : 201,
        sameAnswer: true,
        replayed: 'true',
      })),
    );
  });
});

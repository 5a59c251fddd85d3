import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { exampleOf } from '../src/common/http/openapi';
import {
  exampleBody,
  OpenAPIObject,
  Operation,
  parametersOf,
  SchemaObject,
  startDocumentedApp,
} from './support/openapi';
import { pathWithIds, resourceOf, seedTenant, SeededTenant } from './support/seeds';

/**
 * The tenant isolation matrix, over every operation of the OpenAPI document: tenant B's
 * owner on each of tenant A's ids gets 404 and changes nothing, and no answer B gets
 * contains anything of A's.
 */
describe('tenant isolation matrix', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let operations: Operation[];
  let a: SeededTenant;
  let b: SeededTenant;
  let secrets: string[];

  beforeAll(async () => {
    let all: Operation[];
    ({ app, document, operations: all } = await startDocumentedApp());
    operations = all.filter((op) => op.operation.security === undefined);
    [a, b] = [await seedTenant(app), await seedTenant(app)];
    secrets = [a.tenant.tenant.id, ...Object.values(a.ids)];
  });
  afterAll(() => app.close());

  const withIds = () => operations.filter((op) => parametersOf(op.operation, 'path').length);

  it('seeds a record for every kind of id a route takes', () => {
    const unseeded = withIds().flatMap((op) =>
      parametersOf(op.operation, 'path')
        .filter((p) => !a.ids[resourceOf(op.route, p.name)])
        .map((p) => `${op.name}: add a ${resourceOf(op.route, p.name)} to support/seeds.ts`),
    );
    expect(unseeded).toEqual([]);
  });

  it('answers 404 to another tenant on every route with an id, and changes nothing', async () => {
    const http = request(app.getHttpServer());
    const before = await snapshot(a);
    // Deletes last, so every other route still finds A's records to be refused.
    const ordered = [...withIds()].sort(
      (x, y) => Number(x.method === 'DELETE') - Number(y.method === 'DELETE'),
    );
    const answers = [];
    for (const op of ordered) {
      const path = pathWithIds(op, a.ids);
      const body = exampleBody(document, op.operation, b.ids);
      let call = http[op.method.toLowerCase() as 'post'](path).set(b.tenant.auth);
      if (body) call = call.send(body);
      const res = await call;
      answers.push({ route: op.name, status: res.status, code: res.body?.code });
      expect(JSON.stringify(res.body ?? '')).not.toContain(a.tenant.tenant.id);
    }
    expect(answers).toEqual(
      answers.map((answer) => ({ ...answer, status: 404, code: 'not_found' })),
    );
    expect(answers.length).toBeGreaterThan(15);
    expect(await snapshot(a)).toEqual(before);
  });

  it('never shows another tenant’s records in any answer without an id', async () => {
    const http = request(app.getHttpServer());
    const reads = operations.filter(
      (op) => op.method === 'GET' && !parametersOf(op.operation, 'path').length,
    );
    const leaks = [];
    for (const op of reads) {
      // Required query parameters get an example value (the first of an enum).
      const query = Object.fromEntries(
        parametersOf(op.operation, 'query')
          .filter((p) => p.required)
          .map((p) => [p.name, String(exampleOf(p.schema as SchemaObject, {}, p.name))]),
      );
      const res = await http.get(op.route).query(query).set(b.tenant.auth);
      expect({ route: op.name, status: res.status }).toEqual({ route: op.name, status: 200 });
      const seen = secrets.filter((id) => res.text.includes(id));
      if (seen.length) leaks.push({ route: op.name, seen });
    }
    expect(reads.length).toBeGreaterThan(8);
    expect(leaks).toEqual([]);
  });

  /** What A's own routes answer for each of A's records. */
  async function snapshot(tenant: SeededTenant) {
    const http = request(app.getHttpServer());
    const reads = operations.filter(
      (op) => op.method === 'GET' && parametersOf(op.operation, 'path').length,
    );
    const out: Record<string, unknown> = {};
    for (const op of reads) {
      const path = pathWithIds(op, tenant.ids);
      const res = await http.get(path).set(tenant.tenant.auth);
      out[op.name] = { status: res.status, body: res.body };
    }
    return out;
  }
});

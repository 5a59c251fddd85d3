import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fc from 'fast-check';
import Redis from 'ioredis';
import request from 'supertest';
import type { CustomerView, TicketView } from '@navaia/shared';
import { registerTenant, testConfig, TestTenant } from './support/app';
import { REDIS_URL } from './support/env';
import {
  fillPath,
  jsonBodySchema,
  OpenAPIObject,
  Operation,
  parametersOf,
  percentEncode,
  resolveSchema,
  SchemaObject,
  startDocumentedApp,
} from './support/openapi';
import { pathWithIds, resourceOf, seedTenant, SeededTenant } from './support/seeds';

/**
 * Property-based fuzzing of every operation of the OpenAPI document, so new routes are
 * covered as soon as they are documented. Deterministic: FUZZ_SEED replays a run (a failure
 * prints the seed and path of each route), FUZZ_RUNS sets the cases per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

const SQL = "'; DROP TABLE customers; --";
const SCRIPT = '<script>alert(1)</script>';
const NASTY = [
  SQL,
  "1' OR '1'='1",
  SCRIPT,
  '<img src=x onerror=alert(1)>',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '𝕳𝖊𝖑𝖑𝖔 👋🏽 مرحبا שלום',
  '\u202e\u200b\ufeff',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '2026-02-30T25:61:00Z',
  ' ',
  '',
  'x'.repeat(10_000),
];

const nasty = fc.constantFrom(...NASTY);
const text = fc.oneof(nasty, fc.string(), fc.string({ unit: 'grapheme', maxLength: 50 }));
const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1e308, 0.1),
);
const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};
const anyValue = fc.oneof(
  { weight: 4, arbitrary: scalar },
  fc.array(scalar, { maxLength: 5 }),
  fc.dictionary(text, scalar, { maxKeys: 5 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(nested(64), nested(2_000), { __proto__: { admin: true } }, []),
);
/** Header values must be visible ASCII, or the HTTP client refuses to send them. */
const headerValue = fc.oneof(
  nasty.map((s) => s.replace(/[^\x20-\x7e]/g, '?').slice(0, 500)),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
);

const asText = (value: unknown) =>
  typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined');

interface FuzzRequest {
  path: string;
  query: [string, string][];
  headers: Record<string, string | undefined>;
  body?: { raw: string; type: string };
}

describe('fuzzing every route of the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let operations: Operation[];
  let seeded: SeededTenant;
  /** Logout ends the tokens it is sent with: it gets a session of its own to end. */
  let leaving: TestTenant;
  const LOGOUT = 'POST /api/v1/auth/logout';
  const bodyLimit = testConfig().bodyLimitBytes;

  beforeAll(async () => {
    ({ app, document, operations } = await startDocumentedApp());
    seeded = await seedTenant(app);
    leaving = await registerTenant(app, 'Leaving');
  });

  afterAll(async () => {
    // Fuzzed logins count as failures from this address; later suites log in from it too.
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys('throttle:login:ip:*');
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await app.close();
  });

  /** A value that the schema accepts now and then, and anything else otherwise. */
  function valueFor(schema: SchemaObject | undefined, name: string): fc.Arbitrary<unknown> {
    const s = resolveSchema(document, schema);
    const likely: fc.Arbitrary<unknown>[] = [];
    if (s?.enum?.length) likely.push(fc.constantFrom(...s.enum));
    if (s?.format === 'uuid' || /Id$/.test(name))
      likely.push(fc.constantFrom(...Object.values(seeded.ids)), fc.uuid());
    if (s?.format === 'email') likely.push(fc.emailAddress());
    if (s?.format === 'date-time' || /At$|^(from|to)$/.test(name))
      likely.push(
        fc
          .date({ noInvalidDate: true, min: new Date(0), max: new Date('2100-01-01') })
          .map((d) => d.toISOString()),
      );
    if (s?.type === 'integer' || s?.type === 'number')
      likely.push(
        fc.integer({ min: (s.minimum as number) ?? -10, max: (s.maximum as number) ?? 1e6 }),
      );
    if (s?.type === 'boolean') likely.push(fc.boolean());
    if (s?.type === 'string') likely.push(text);
    if (s?.type === 'array')
      likely.push(fc.array(valueFor(s.items as SchemaObject, name), { maxLength: 3 }));
    if (s?.type === 'object' && s.properties) likely.push(objectFor(s));
    return likely.length ? fc.oneof(fc.oneof(...likely), anyValue) : anyValue;
  }

  /** Some of the schema's fields, with plausible or hostile values, and unknown fields. */
  function objectFor(schema: SchemaObject): fc.Arbitrary<Record<string, unknown>> {
    const fields = Object.entries(schema.properties ?? {}).map(
      ([name, property]) =>
        [name, valueFor(property as SchemaObject, name)] as [string, fc.Arbitrary<unknown>],
    );
    return fc
      .tuple(
        fc.record(Object.fromEntries(fields), { requiredKeys: [] }),
        fc.option(
          fc.dictionary(fc.oneof(text, fc.constantFrom('tenantId', 'id', 'source')), scalar, {
            maxKeys: 2,
          }),
          {
            freq: 3,
          },
        ),
      )
      .map(([known, unknown]) => ({ ...known, ...(unknown ?? {}) }));
  }

  function requestFor(op: Operation): fc.Arbitrary<FuzzRequest> {
    const pathParams = parametersOf(op.operation, 'path').map((p) => {
      const own = seeded.ids[resourceOf(op.route, p.name)];
      // Deletes never get the seeded ids, so every other route keeps finding its records.
      const real = own && op.method !== 'DELETE' ? [fc.constant(own)] : [];
      return fc.oneof(
        ...real,
        ...real,
        fc.uuid(),
        text.filter((s) => s.length < 2_000),
      );
    });
    const queryParams = parametersOf(op.operation, 'query');
    const query = fc.array(
      fc.oneof(
        {
          weight: 3,
          arbitrary: queryParams.length
            ? fc
                .constantFrom(...queryParams)
                .chain((p) =>
                  fc.tuple(
                    fc.constant(p.name),
                    valueFor(p.schema as SchemaObject, p.name).map(asText),
                  ),
                )
            : fc.tuple(text, text),
        },
        fc.tuple(fc.oneof(text, fc.constant('limit'), fc.constant('cursor')), text),
      ),
      { maxLength: 4 },
    );
    const headerParams = parametersOf(op.operation, 'header');
    const headers = fc.record(Object.fromEntries(headerParams.map((p) => [p.name, headerValue])), {
      requiredKeys: [],
    });
    const schema = jsonBodySchema(document, op.operation);
    const json = fc.oneof(
      { weight: 3, arbitrary: schema?.properties ? objectFor(schema) : anyValue },
      anyValue,
    );
    const body = fc.oneof(
      {
        weight: 6,
        arbitrary: json.map((v) => ({
          raw: JSON.stringify(v) ?? 'null',
          type: 'application/json',
        })),
      },
      text.map((raw) => ({ raw, type: 'application/json' })),
      text.map((raw) => ({ raw, type: 'text/plain' })),
      text.map((raw) => ({ raw, type: 'application/x-www-form-urlencoded' })),
    );
    const sendsBody = !!op.operation.requestBody || ['POST', 'PUT', 'PATCH'].includes(op.method);
    return fc.record({
      path: fc.tuple(...pathParams).map((values) => {
        const byName = Object.fromEntries(
          parametersOf(op.operation, 'path').map((p, i) => [p.name, values[i]]),
        );
        return fillPath(op.route, (param) => byName[param]);
      }),
      query,
      headers,
      body: sendsBody ? fc.option(body, { freq: 8, nil: undefined }) : fc.constant(undefined),
    });
  }

  async function send(op: Operation, req: FuzzRequest): Promise<request.Response> {
    const qs = req.query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`);
    const url = req.path + (qs.length ? `?${qs.join('&')}` : '');
    let call = request(app.getHttpServer())
      [op.method.toLowerCase() as 'post'](url)
      .set(op.name === LOGOUT ? leaving.auth : seeded.tenant.auth)
      .set(req.headers);
    if (req.body) call = call.set('Content-Type', req.body.type).send(req.body.raw);
    return call;
  }

  /** What every answer must be, whatever was asked. */
  function expectSound(res: request.Response): void {
    const summary = { status: res.status, body: res.body };
    if (res.status >= 500) throw new Error(`answered ${res.status}: ${JSON.stringify(summary)}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
    if (res.status >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        statusCode: res.status,
        error: expect.any(String),
        code: expect.stringMatching(/^[a-z_]+$/),
        message: expect.any(String),
        requestId: expect.any(String),
        ...(res.body.details === undefined ? {} : { details: expect.anything() }),
      });
    }
  }

  it(
    'never answers 5xx, and answers every 4xx with the error body',
    async () => {
      const failures: string[] = [];
      for (const [index, op] of operations.entries()) {
        try {
          await fc.assert(
            fc.asyncProperty(requestFor(op), async (req) => expectSound(await send(op, req))),
            { seed: SEED + index, numRuns: RUNS, endOnFailure: false },
          );
        } catch (error) {
          failures.push(
            `${op.name} (FUZZ_SEED=${SEED}):\n${(error as Error).message.slice(0, 3_000)}`,
          );
        }
      }
      expect(failures).toEqual([]);
    },
    Math.max(110_000, RUNS * 4_000),
  );

  it('answers 413 to a body over the limit on every route that takes one', async () => {
    const oversized = JSON.stringify({ notes: 'x'.repeat(bodyLimit + 1024) });
    const checked: string[] = [];
    for (const op of operations.filter((o) => o.operation.requestBody)) {
      const limit = (op.operation as { 'x-body-limit'?: number })['x-body-limit'];
      if (limit && limit > bodyLimit) continue; // provider webhooks take larger bodies
      const path = pathWithIds(op, seeded.ids, '0');
      const res = await request(app.getHttpServer())
        [op.method.toLowerCase() as 'post'](path)
        .set(seeded.tenant.auth)
        .set('Content-Type', 'application/json')
        .send(oversized);
      expect({ route: op.name, status: res.status, code: res.body.code }).toEqual({
        route: op.name,
        status: 413,
        code: 'payload_too_large',
      });
      checked.push(op.name);
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  /** The schema of a body validated by a DTO (a `$ref`); provider webhooks take raw bodies. */
  function dtoBodySchema(op: Operation): SchemaObject | undefined {
    const ref = (
      op.operation.requestBody as { content?: Record<string, { schema?: { $ref?: string } }> }
    )?.content?.['application/json']?.schema?.$ref;
    return ref ? jsonBodySchema(document, op.operation) : undefined;
  }

  it('rejects fields a body does not define, such as tenantId (mass assignment), on every route', async () => {
    const foreign = ['tenantId', 'id', 'createdAt', 'source', 'role', 'number'];
    const checked: string[] = [];
    for (const op of operations) {
      const schema = dtoBodySchema(op);
      if (!schema) continue; // raw provider bodies are checked by their signature
      const fields = foreign.filter((f) => !(f in (schema.properties ?? {})));
      const path = pathWithIds(op, seeded.ids, '0');
      const res = await request(app.getHttpServer())
        [op.method.toLowerCase() as 'post'](path)
        .set(seeded.tenant.auth)
        .send(Object.fromEntries(fields.map((f) => [f, '0196a0b4-5a7e-7c3d-9b1e-3f2a1c0d4e5f'])));
      const named = ((res.body.details ?? []) as { field: string }[]).map((d) => d.field);
      expect({
        route: op.name,
        status: res.status,
        named: fields.filter((f) => named.includes(f)),
      }).toEqual({
        route: op.name,
        status: 400,
        named: fields,
      });
      checked.push(op.name);
    }
    expect(checked.length).toBeGreaterThan(10);
  });

  /**
   * Values of the wrong shape that a type check alone lets through, with the field each must
   * be refused for: an array (even empty) where an object goes, an empty array where at least
   * one item is required. Followed into nested objects.
   */
  function wrongShapes(schema: SchemaObject, parent = ''): { field: string; value: unknown }[] {
    return Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
      const field = parent ? `${parent}.${name}` : name;
      const s = resolveSchema(document, property as SchemaObject);
      if (!s || field.split('.').length > 4) return [];
      if (s.type === 'object' || s.properties)
        return [{ field, value: [] }, { field, value: [{}] }, ...wrongShapes(s, field)];
      if (s.type === 'array' && (s.minItems ?? 0) > 0) return [{ field, value: [] }];
      return [];
    });
  }

  const bodyAt = (field: string, value: unknown): Record<string, unknown> =>
    field.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
      string,
      unknown
    >;

  it('answers 400 naming the field to a null body, arrays for objects and empty arrays that need items, on every body route', async () => {
    const checked: string[] = [];
    for (const op of operations) {
      const schema = dtoBodySchema(op);
      if (!schema) continue; // raw provider bodies are checked by their signature
      const path = pathWithIds(op, seeded.ids, '0');
      const cases = [{ field: 'body', raw: 'null' }].concat(
        wrongShapes(schema).map(({ field, value }) => ({
          field,
          raw: JSON.stringify(bodyAt(field, value)),
        })),
      );
      for (const { field, raw } of cases) {
        const res = await request(app.getHttpServer())
          [op.method.toLowerCase() as 'post'](path)
          .set(seeded.tenant.auth)
          .set('Content-Type', 'application/json')
          .send(raw);
        const named = ((res.body.details ?? []) as { field: string }[]).map((d) => d.field);
        expect({ route: op.name, raw, status: res.status, named: named.includes(field) }).toEqual({
          route: op.name,
          raw,
          status: 400,
          named: true,
        });
        checked.push(`${op.name} ${field}`);
      }
    }
    for (const field of ['callingWindow', 'limits', 'voice', 'voice.agents', 'telephony'])
      expect(checked).toContain(`PATCH /api/v1/tenant ${field}`);
    expect(checked).toContain('POST /api/v1/campaigns callingWindow');
  });

  it('answers what the router and Node’s HTTP parser refuse with the error body too', async () => {
    const http = request(app.getHttpServer());
    const badPath = await http.get('/api/v1/customers/%ED%A0%80').set(seeded.tenant.auth);
    const longLine = await http.get(`/api/v1/customers?search=${'x'.repeat(20_000)}`);
    for (const [res, status, code] of [
      [badPath, 400, 'malformed_url'],
      [longLine, 431, 'headers_too_large'],
    ] as const) {
      expect(res.status).toBe(status);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toEqual({
        statusCode: status,
        error: expect.any(String),
        code,
        message: expect.any(String),
        requestId: expect.any(String),
      });
    }
  });

  it('refuses NUL characters, lone surrogates and deep nesting with 400 naming the field', async () => {
    const http = request(app.getHttpServer());
    const post = (raw: string) =>
      http
        .post('/api/v1/customers')
        .set(seeded.tenant.auth)
        .set('Content-Type', 'application/json')
        .send(raw);
    const nul = await post('{"phone":"+14155550190","firstName":"a\\u0000b"}').expect(400);
    expect(nul.body.details).toEqual([{ field: 'firstName', message: expect.any(String) }]);
    const surrogate = await post('{"phone":"+14155550190","email":"\\ud800@x.io"}').expect(400);
    expect(surrogate.body.details).toEqual([{ field: 'email', message: expect.any(String) }]);
    const deep = await post(`{"tags":${'['.repeat(5_000)}${']'.repeat(5_000)}}`).expect(400);
    expect(deep.body.code).toBe('body_too_deep');
    const query = await http
      .get('/api/v1/customers?search=a%00b')
      .set(seeded.tenant.auth)
      .expect(400);
    expect(query.body.details).toEqual([{ field: 'search', message: expect.any(String) }]);
  });

  it('stores SQL-like and script-like text verbatim and returns it as JSON, never as a page', async () => {
    const http = request(app.getHttpServer());
    const auth = seeded.tenant.auth;
    const created = await http
      .post('/api/v1/customers')
      .set(auth)
      .send({ phone: '+14155550188', firstName: SQL, lastName: SCRIPT, notes: `${SQL}\n${SCRIPT}` })
      .expect(201);
    const customer = created.body as CustomerView;
    const read = await http
      .get(`/api/v1/customers/${customer.id}`)
      .set(auth)
      .set('Accept', 'text/html')
      .expect(200);
    expect(read.headers['content-type']).toMatch(/^application\/json/);
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    expect(read.body).toMatchObject({
      firstName: SQL,
      lastName: SCRIPT,
      notes: `${SQL}\n${SCRIPT}`,
    });
    expect(read.body.displayName).toBe(`${SQL} ${SCRIPT}`);

    const ticket = (
      await http
        .post('/api/v1/tickets')
        .set(auth)
        .send({ customerId: customer.id, subject: SCRIPT, description: SQL })
        .expect(201)
    ).body as TicketView;
    const again = await http.get(`/api/v1/tickets/${ticket.id}`).set(auth).expect(200);
    expect(again.headers['content-type']).toMatch(/^application\/json/);
    expect(again.body).toMatchObject({ subject: SCRIPT, description: SQL });

    const found = await http.get('/api/v1/customers').query({ search: SQL }).set(auth).expect(200);
    expect(found.body.data.map((c: CustomerView) => c.id)).toContain(customer.id);
    const listed = await http
      .get('/api/v1/tickets')
      .query({ search: SCRIPT })
      .set(auth)
      .expect(200);
    expect(listed.body.data.map((t: TicketView) => t.id)).toContain(ticket.id);
  });
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { registeredRoutes } from '../src/common/http/route-inventory';
import {
  OpenAPIObject,
  Operation,
  parametersOf,
  startDocumentedApp,
  successOf,
} from './support/openapi';
import { listControllerRoutes } from './support/routes';

/** Routes that are not part of the API: the docs themselves and the SPA's files. */
const isApiRoute = (method: string, url: string) =>
  !['HEAD', 'OPTIONS'].includes(method) && url.startsWith('/api/') && !url.startsWith('/api/docs');

/** The problems of one operation, as sentences; empty when it is fully documented. */
function problems(op: Operation, isPublic: boolean): string[] {
  const o = op.operation;
  const found: string[] = [];
  if (!o.summary?.trim()) found.push('no summary (@ApiOperation)');
  if (!o.tags?.length) found.push('no tag (@ApiTags on the controller)');
  const success = successOf(o);
  if (!success) found.push('no success answer (@ApiOk / @ApiPage / @ApiList / @ApiNoContent)');
  else if (success[0] !== 204 && !Object.values(success[1].content ?? {}).some((c) => c.schema))
    found.push(`no schema for its ${success[0]} answer`);
  const errors = Object.entries(o.responses ?? {}).filter(([status]) => /^[45]\d\d$/.test(status));
  const takesInput = !!o.requestBody || !!o.parameters?.length;
  if (!errors.length && (!isPublic || takesInput)) found.push('no error answers (@ApiErrors)');
  for (const [status, response] of errors) {
    const schema = (response as { content?: Record<string, { schema?: { $ref?: string } }> })
      .content?.['application/json']?.schema;
    if (/^4/.test(status) && schema?.$ref !== '#/components/schemas/ErrorBody')
      found.push(`its ${status} answer is not the shared error body`);
  }
  if (isPublic && !(Array.isArray(o.security) && o.security.length === 0))
    found.push('public, but not marked `security: []`');
  if (!isPublic && o.security !== undefined)
    found.push('authenticated, but overrides the document’s security');
  if (!isPublic && !('401' in (o.responses ?? {}))) found.push('authenticated without a 401');
  return found;
}

/** Every `$ref` in the document, with where it is. */
function refs(value: unknown, at = '#'): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refs(v, `${at}/${i}`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string'
      ? [[inner, at] as [string, string]]
      : refs(inner, `${at}/${key}`),
  );
}

function resolves(document: OpenAPIObject, ref: string): boolean {
  if (!ref.startsWith('#/')) return false;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    if (!node || typeof node !== 'object' || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== undefined;
}

describe('OpenAPI document', () => {
  let app: NestFastifyApplication;
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    ({ app, document, operations } = await startDocumentedApp());
  });
  afterAll(() => app.close());

  it('describes every route the server answers, including plain Fastify routes', () => {
    const served = registeredRoutes(app)
      .filter((r) => isApiRoute(r.method, r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(served.length).toBeGreaterThan(30);
    expect(served).toContain('POST /api/v1/webhooks/elevenlabs');
    const documented = new Set(operations.map((o) => o.name));
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
    expect([...documented].filter((route) => !served.includes(route))).toEqual([]);
  });

  it('documents each route with a summary, a tag, its success schema, its errors and its security', () => {
    const publicRoutes = new Set(
      listControllerRoutes(app)
        .filter((r) => r.isPublic)
        .map((r) => `${r.method} ${r.path}`),
    );
    const controllerRoutes = new Set(listControllerRoutes(app).map((r) => `${r.method} ${r.path}`));
    const report = operations
      .map((op) => {
        // Routes outside the controllers authenticate by themselves (webhook signatures).
        const isPublic = publicRoutes.has(op.name) || !controllerRoutes.has(op.name);
        return { route: op.name, problems: problems(op, isPublic) };
      })
      .filter((r) => r.problems.length);
    expect(report).toEqual([]);
  });

  it('offers both security schemes and requires one of them by default', () => {
    expect(document.components?.securitySchemes).toEqual({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      'api-key': { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    });
    expect(document.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
  });

  it('documents query DTOs as query parameters and bodies as their DTO schemas', () => {
    const list = operations.find((o) => o.name === 'GET /api/v1/tickets')!.operation;
    expect(parametersOf(list, 'query').map((p) => p.name)).toEqual(
      expect.arrayContaining(['status', 'priority', 'search', 'limit', 'cursor']),
    );
    expect(parametersOf(list, 'query').find((p) => p.name === 'status')).toMatchObject({
      style: 'form',
      explode: false,
      schema: { type: 'array', items: { enum: ['open', 'in_progress', 'resolved', 'closed'] } },
    });
    // Inherited fields are part of a DTO's schema.
    const update = document.components!.schemas!.UpdateCustomerDto as {
      properties: object;
    };
    expect(Object.keys(update.properties)).toEqual(
      expect.arrayContaining(['phone', 'firstName', 'email', 'tags', 'doNotCall']),
    );
  });

  it('gives success answers an example and errors the shared error body', () => {
    const get = operations.find((o) => o.name === 'GET /api/v1/tickets/:id')!.operation;
    const ok = get.responses['200'] as { content: Record<string, { example: object }> };
    expect(ok.content['application/json'].example).toMatchObject({
      id: expect.any(String),
      number: expect.any(Number),
      status: 'open',
    });
    expect(document.components!.schemas!.ErrorBody).toMatchObject({
      required: expect.arrayContaining(['statusCode', 'error', 'code', 'message', 'requestId']),
    });
    const missing = operations.flatMap((op) =>
      Object.entries(op.operation.responses ?? {})
        .filter(([, r]) => (r as { content?: object }).content)
        .filter(([, r]) =>
          Object.values((r as { content: Record<string, { example?: unknown }> }).content).some(
            (c) => c.example === undefined,
          ),
        )
        .map(([status]) => `${op.name} ${status}`),
    );
    expect(missing.filter((m) => !m.startsWith('GET /api/metrics'))).toEqual([]);
  });

  it('is structurally valid OpenAPI 3: references resolve, path parameters are declared, ids are unique', () => {
    expect(document.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    const broken = refs(document).filter(([ref]) => !resolves(document, ref));
    expect(broken).toEqual([]);

    const ids = operations.map((o) => o.operation.operationId);
    expect(ids.every(Boolean)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);

    const schemes = Object.keys(document.components?.securitySchemes ?? {});
    const parameterProblems = operations.flatMap((op) => {
      const inPath = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = parametersOf(op.operation, 'path');
      return [
        ...inPath
          .filter((name) => !declared.some((p) => p.name === name && p.required))
          .map((name) => `${op.name}: path parameter ${name} is not declared as required`),
        ...declared
          .filter((p) => !inPath.includes(p.name))
          .map((p) => `${op.name}: declares ${p.name}, which is not in the path`),
        ...Object.keys(op.operation.responses ?? {})
          .filter((status) => !/^([1-5]\d\d|default)$/.test(status))
          .map((status) => `${op.name}: response key ${status}`),
        ...(op.operation.security ?? [])
          .flatMap((requirement) => Object.keys(requirement))
          .filter((scheme) => !schemes.includes(scheme))
          .map((scheme) => `${op.name}: unknown security scheme ${scheme}`),
        ...((op.operation.parameters ?? []) as { name: string; in: string }[])
          .filter((p) => !['query', 'header', 'path', 'cookie'].includes(p.in) || !p.name)
          .map((p) => `${op.name}: parameter ${p.name} in ${p.in}`),
      ];
    });
    expect(parameterProblems).toEqual([]);
    expect(Object.keys(document.paths).every((path) => path.startsWith('/'))).toBe(true);
  });
});

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import {
  exampleOf,
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '../../src/common/http/openapi';
import { createTestApp, STRONG_PASSWORD } from './app';

export type { OpenAPIObject, OperationObject, SchemaObject };

export interface Operation {
  method: string;
  /** As in the document: `/api/v1/tickets/{id}`. */
  path: string;
  /** As the router writes it: `/api/v1/tickets/:id`. */
  route: string;
  operation: OperationObject;
  /** `METHOD /path` as the router writes it, for messages. */
  name: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** The application, its document and the document's operations. */
export async function startDocumentedApp() {
  // These suites send hundreds of requests as one user: the per-user rate limit is off here
  // (its own suite tests it).
  const app = await createTestApp({ rateLimits: { userPerMinute: 0, apiKeyPerMinute: 0 } });
  const document = await fetchDocument(app);
  return { app, document, operations: listOperations(document) };
}

/** The document exactly as integrators get it. */
export async function fetchDocument(app: NestFastifyApplication): Promise<OpenAPIObject> {
  const res = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
  return res.body as OpenAPIObject;
}

export function listOperations(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const route = path.replace(/\{(\w+)\}/g, ':$1');
        return {
          method: method.toUpperCase(),
          path,
          route,
          operation: operation as OperationObject,
          name: `${method.toUpperCase()} ${route}`,
        };
      }),
  );
}

/** Follows `$ref`s into `components.schemas`. */
export function resolveSchema(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
): SchemaObject | undefined {
  let current = schema;
  for (let depth = 0; current && '$ref' in current && depth < 10; depth++) {
    current = document.components?.schemas?.[current.$ref.split('/').pop()!];
  }
  return current as SchemaObject | undefined;
}

export function parametersOf(operation: OperationObject, where: string): ParameterObject[] {
  return ((operation.parameters ?? []) as ParameterObject[]).filter((p) => p.in === where);
}

export function jsonBodySchema(
  document: OpenAPIObject,
  operation: OperationObject,
): SchemaObject | undefined {
  const body = operation.requestBody as { content?: Record<string, { schema?: SchemaObject }> };
  return resolveSchema(document, body?.content?.['application/json']?.schema);
}

export function successOf(operation: OperationObject): [number, ResponseObject] | undefined {
  const entry = Object.entries(operation.responses ?? {}).find(([status]) =>
    /^2\d\d$/.test(status),
  );
  return entry && [Number(entry[0]), entry[1] as ResponseObject];
}

/** Percent-encodes, writing a lone surrogate as the invalid UTF-8 a careless client sends. */
export const percentEncode = (value: string) =>
  [...value]
    .map((char) => (/[\ud800-\udfff]/.test(char) ? '%ED%A0%80' : encodeURIComponent(char)))
    .join('');

/** The route with its path parameters filled in. */
export function fillPath(route: string, value: (param: string, segment: string) => string): string {
  const segments = route.split('/');
  return segments
    .map((segment, i) =>
      segment.startsWith(':')
        ? percentEncode(value(segment.slice(1), segments[i - 1] ?? ''))
        : segment,
    )
    .join('/');
}

/**
 * A body that passes validation: the required fields of the operation's DTO with example
 * values, ids taken from `ids` (keyed like the seeds: `customerId` → `customers`), and
 * values examples cannot guess (a strong password, an unused email).
 */
export function exampleBody(
  document: OpenAPIObject,
  operation: OperationObject,
  ids: Record<string, string>,
): Record<string, unknown> | undefined {
  const schema = jsonBodySchema(document, operation);
  if (!schema) return undefined;
  const required = Object.fromEntries(
    (schema.required ?? []).map((name) => [name, schema.properties![name]]),
  );
  const body = exampleOf(
    { ...schema, properties: required } as SchemaObject,
    document.components!.schemas as Record<string, SchemaObject>,
  ) as Record<string, unknown>;
  for (const key of Object.keys(body)) {
    if (/Id$/.test(key)) body[key] = ids[`${key.slice(0, -2)}s`] ?? body[key];
    if (/password/i.test(key)) body[key] = STRONG_PASSWORD;
    if (key === 'email') body[key] = `example-${randomUUID()}@example.com`;
  }
  return body;
}

import { applyDecorators, RequestMethod, SetMetadata } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiBody, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { STATUS_CODES } from 'node:http';
import { AuthErrorCode, CommonErrorCode, RequestErrorCode, type ErrorCode } from '@navaia/shared';
import { IS_PUBLIC } from '../auth/decorators';
import { VIEW_SCHEMAS, ViewName } from '../../generated/openapi-views';

export type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
};

export const BEARER = 'bearer';
export const API_KEY = 'api-key';

const SUCCESS = 'navaia:openapi:success';
const ERRORS = 'navaia:openapi:errors';

/**
 * How every route is documented (a test holds every route to it):
 * - `@ApiOperation({ summary })` and `@ApiTags('<module>')` on the controller;
 * - the answer: `@ApiOk('TicketView')`, `@ApiPage('TicketView')`, `@ApiList('MemberView')` or
 *   `@ApiNoContent()`; views are the exported types of @navaia/shared, whose schemas
 *   `npm run openapi:views` generates (`api/src/generated/openapi-views.ts`); small answers
 *   may pass an inline schema instead;
 * - the errors the route itself decides: `@ApiErrors(404, 409)`. Those every route of a kind
 *   answers are added by the document: 401 and 403 when authenticated, 400 with any input,
 *   404 with path parameters, 413 with a body;
 * - bodies and query parameters come from the shared class-validator DTOs of `@Body()` and
 *   `@Query()`: nothing to write. `@ApiBodyDto(Dto)` states a body explicitly.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;
type Shape = ViewName | SchemaObject | ReferenceObject;

interface Success {
  description: string;
  schema?: SchemaObject | ReferenceObject;
  mediaType?: string;
}

export const viewRef = (view: ViewName): ReferenceObject => ({
  $ref: `#/components/schemas/${view}`,
});
const schemaOf = (shape: Shape) => (typeof shape === 'string' ? viewRef(shape) : shape);

/** The success answer: a view of @navaia/shared or an inline schema, at the route's status. */
export const ApiOk = (shape: Shape, description = 'Success', mediaType = 'application/json') =>
  SetMetadata<string, Success>(SUCCESS, { description, schema: schemaOf(shape), mediaType });

/** A keyset page of a view: `{data, nextCursor}`. */
export const ApiPage = (view: ViewName) =>
  ApiOk(
    {
      type: 'object',
      required: ['data', 'nextCursor'],
      properties: {
        data: { type: 'array', items: viewRef(view) },
        nextCursor: {
          type: 'string',
          nullable: true,
          description: 'Opaque; pass it as `cursor` for the next page. Null on the last page.',
        },
      },
    },
    'One page, in the list’s order',
  );

/** A plain array of a view. */
export const ApiList = (view: ViewName) => ApiOk({ type: 'array', items: viewRef(view) });

/** A success without a body (204). */
export const ApiNoContent = (description = 'Done; no body') =>
  SetMetadata<string, Success>(SUCCESS, { description });

/**
 * Error statuses the route (or every route of the controller) decides itself. Adds to those
 * already declared, so decorators such as `@Idempotent()` can bring their own.
 */
export const ApiErrors =
  (...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator =>
  (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const where = descriptor ? (descriptor.value as object) : target;
    const declared: ErrorStatus[] = Reflect.getMetadata(ERRORS, where) ?? [];
    Reflect.defineMetadata(ERRORS, [...declared, ...statuses], where);
  };

/**
 * Documents a request body by a shared DTO class explicitly (`@Body()` DTOs are found without
 * it). Their schemas are derived from the class-validator rules: one definition serves
 * validation and documentation, and the shared library stays framework-free.
 */
export const ApiBodyDto = (dto: { name: string }) =>
  applyDecorators(ApiBody({ schema: { $ref: `#/components/schemas/${dto.name}` } }));

const ERROR_EXAMPLES: Record<
  ErrorStatus,
  { description: string; code: ErrorCode; message: string }
> = {
  400: {
    description: 'Invalid input; `details` names each field at fault',
    code: CommonErrorCode.ValidationFailed,
    message: 'Some fields are invalid',
  },
  401: {
    description: 'No or invalid credentials',
    code: AuthErrorCode.Unauthenticated,
    message: 'Missing or invalid credentials',
  },
  403: {
    description: 'The role does not allow this, or the password must be changed first',
    code: CommonErrorCode.Forbidden,
    message: 'Your role does not allow this',
  },
  404: {
    description: 'Not found, or another tenant’s',
    code: CommonErrorCode.NotFound,
    message: 'Ticket not found',
  },
  409: {
    description: 'Conflict: a duplicate or an illegal state change',
    code: CommonErrorCode.Conflict,
    message: 'A record with these values already exists',
  },
  413: {
    description: 'The body is larger than the limit',
    code: RequestErrorCode.PayloadTooLarge,
    message: 'Request body is too large',
  },
  415: {
    description: 'The body is not JSON',
    code: RequestErrorCode.UnsupportedMediaType,
    message: 'Unsupported Media Type',
  },
  422: {
    description: 'Well-formed but not allowed, e.g. an Idempotency-Key reused with another body',
    code: CommonErrorCode.IdempotencyKeyReused,
    message: 'This Idempotency-Key was already used with a different request body',
  },
  429: {
    description: 'Rate limited; `Retry-After` says when to try again',
    code: CommonErrorCode.RateLimited,
    message: 'Too many requests',
  },
  503: {
    description: 'A dependency is down; `Retry-After` says when to try again',
    code: CommonErrorCode.DependencyUnavailable,
    message: 'The queue is unavailable; try again shortly',
  },
};

export function errorResponse(status: ErrorStatus): ResponseObject {
  const { description, code, message } = ERROR_EXAMPLES[status];
  return {
    description,
    content: {
      'application/json': {
        schema: viewRef('ErrorBody'),
        example: {
          statusCode: status,
          error: STATUS_CODES[status],
          code,
          message,
          ...(status === 400
            ? { details: [{ field: 'email', message: 'email must be a valid email address' }] }
            : {}),
          requestId: '5f0c6a1e9b2d-1k',
        },
      },
    },
  };
}

/** What the document needs to know of a route beyond what Nest's explorer found. */
export interface RouteFacts {
  isPublic: boolean;
  status: number;
  success?: Success;
  errors: ErrorStatus[];
  body?: string;
  query?: string;
}

/** A route served by Fastify directly (provider webhooks), documented by its module. */
export interface RawRouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  operation: OperationObject & { summary: string; tags: string[] };
  facts: RouteFacts & { body?: undefined; query?: undefined };
  /** A body limit other than the API's, in bytes (the `x-body-limit` extension). */
  bodyLimit?: number;
}

function discoverRouteFacts(app: NestFastifyApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  for (const wrapper of new DiscoveryService(app.get(ModulesContainer)).getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller || !wrapper.instance) continue;
    const prototype = Object.getPrototypeOf(wrapper.instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method: RequestMethod | undefined = Reflect.getMetadata(METHOD_METADATA, handler);
      if (method === undefined) continue;
      const args: Record<string, { index: number; data?: unknown }> =
        Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
      const types: unknown[] = Reflect.getMetadata('design:paramtypes', prototype, name) ?? [];
      // The DTO class of a whole-object @Body() or @Query(), by its name in the schemas.
      const dtoOf = (kind: RouteParamtypes) => {
        const arg = Object.entries(args).find(
          ([key, value]) => key.split(':')[0] === String(kind) && value.data === undefined,
        )?.[1];
        const type = arg && (types[arg.index] as { name?: string } | undefined);
        return typeof type === 'function' && type.name !== 'Object' ? type.name : undefined;
      };
      facts.set(`${controller.name}_${name}`, {
        isPublic: reflector.getAllAndOverride<boolean>(IS_PUBLIC, [handler, controller]) === true,
        status:
          Reflect.getMetadata(HTTP_CODE_METADATA, handler) ??
          (method === RequestMethod.POST ? 201 : 200),
        success: reflector.get<Success>(SUCCESS, handler),
        errors: [
          ...(reflector.get<ErrorStatus[]>(ERRORS, controller) ?? []),
          ...(reflector.get<ErrorStatus[]>(ERRORS, handler) ?? []),
        ],
        body: dtoOf(RouteParamtypes.BODY),
        query: dtoOf(RouteParamtypes.QUERY),
      });
    }
  }
  return facts;
}

/**
 * The class-validator schemas of every DTO. The metadata storage is global: a process that
 * loaded a class twice (test runners do) holds both copies, so the last one of a name wins,
 * otherwise inherited fields would go missing.
 */
function dtoSchemas(): Record<string, SchemaObject> {
  const storage = getMetadataStorage();
  const byName = new Map<string, [unknown, unknown]>();
  const all = (storage as unknown as { validationMetadatas: Map<{ name: string }, unknown> })
    .validationMetadatas;
  for (const [target, metadatas] of all) byName.set(target.name, [target, metadatas]);
  const latest = Object.create(storage, {
    validationMetadatas: { value: new Map([...byName.values()]) },
  });
  return validationMetadatasToSchemas({
    classValidatorMetadataStorage: latest,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: {
      // The library would refer to the property's design type, which is `Object` for
      // `string | null`: custom rules say what they accept, or accept anything of the type.
      [ValidationTypes.CUSTOM_VALIDATION]: (meta) => designTypeSchema(meta),
      isTimeZone: { type: 'string', description: 'An IANA time zone such as Europe/Berlin' },
      isCountryCode: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
    },
  }) as Record<string, SchemaObject>;
}

function designTypeSchema(meta: ValidationMetadata): { type?: 'string' | 'number' | 'boolean' } {
  const type: unknown = Reflect.getMetadata(
    'design:type',
    meta.target as object,
    meta.propertyName,
  );
  if (type === String) return { type: 'string' };
  if (type === Number) return { type: 'number' };
  if (type === Boolean) return { type: 'boolean' };
  return {};
}

/** Applies the route's facts to its operation: security, inputs, answers and errors. */
function completeOperation(
  operation: OperationObject,
  facts: RouteFacts,
  schemas: Record<string, SchemaObject>,
  method: string,
): void {
  if (facts.isPublic) operation.security = [];
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  if (facts.query && schemas[facts.query]) {
    const dto = schemas[facts.query];
    const queryParameters = Object.entries(dto.properties ?? {}).map(
      ([name, schema]): ParameterObject => ({
        name,
        in: 'query',
        required: (dto.required ?? []).includes(name),
        schema,
        // Lists are comma-separated: `?status=open,in_progress`.
        ...('type' in schema && schema.type === 'array' ? { style: 'form', explode: false } : {}),
        ...('description' in schema && schema.description
          ? { description: schema.description }
          : {}),
      }),
    );
    operation.parameters = [...parameters.filter((p) => p.in !== 'query'), ...queryParameters];
  }
  if (facts.body && !operation.requestBody && schemas[facts.body]) {
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: { $ref: `#/components/schemas/${facts.body}` } } },
    };
  }

  // Keep what `@ApiResponse` declared; drop the explorer's empty default answer.
  const responses = Object.fromEntries(
    Object.entries((operation.responses ?? {}) as Record<string, ResponseObject>).filter(
      ([, response]) => response.description || response.content,
    ),
  );
  const success = facts.success;
  if (success) {
    responses[facts.status] = {
      description: success.description,
      ...(success.schema
        ? { content: { [success.mediaType ?? 'application/json']: { schema: success.schema } } }
        : {}),
    };
  }
  const inputs = (operation.parameters ?? []) as ParameterObject[];
  const hasPath = inputs.some((p) => p.in === 'path');
  const hasInput = hasPath || inputs.some((p) => p.in === 'query') || !!operation.requestBody;
  const errors = new Set<ErrorStatus>(facts.errors);
  if (!facts.isPublic) [401, 403].forEach((s) => errors.add(s as ErrorStatus));
  if (hasInput) errors.add(400);
  if (hasPath) errors.add(404);
  if (operation.requestBody && ['post', 'put', 'patch'].includes(method)) errors.add(413);
  for (const status of [...errors].sort()) responses[status] ??= errorResponse(status);
  operation.responses = responses;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function operations(document: OpenAPIObject): [string, string, OperationObject][] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => HTTP_METHODS.includes(method))
      .map(
        ([method, op]) =>
          [path, method, op as OperationObject] as [string, string, OperationObject],
      ),
  );
}

/** A value that fits the schema, for examples: readable rather than random. */
export function exampleOf(
  schema: SchemaObject | ReferenceObject | undefined,
  schemas: Record<string, SchemaObject | ReferenceObject>,
  name = '',
  depth = 0,
): unknown {
  if (!schema || depth > 8) return undefined;
  if ('$ref' in schema) {
    return exampleOf(schemas[schema.$ref.split('/').pop()!], schemas, name, depth + 1);
  }
  if (schema.example !== undefined) return schema.example;
  if (schema.enum?.length) return schema.enum[0];
  const first = schema.allOf?.[0] ?? schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (first) return exampleOf(first, schemas, name, depth + 1);
  switch (schema.type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (!properties.length && schema.additionalProperties) return {};
      return Object.fromEntries(
        properties.map(([key, value]) => [key, exampleOf(value, schemas, key, depth + 1)]),
      );
    }
    case 'array': {
      const item = exampleOf(schema.items, schemas, name, depth + 1);
      return item === undefined ? [] : [item];
    }
    case 'integer':
    case 'number':
      return /cents/i.test(name) ? 4500 : /rate|conversion/i.test(name) ? 0.5 : 1;
    case 'boolean':
      return false;
    case 'string':
      if (schema.format === 'date-time' || /At$|^(from|to|at)$/.test(name))
        return '2026-03-02T09:30:00.000Z';
      if (schema.format === 'uuid' || /^id$|Id$/.test(name))
        return '0196a0b4-5a7e-7c3d-9b1e-3f2a1c0d4e5f';
      if (schema.format === 'email' || /email/i.test(name)) return 'ada@example.com';
      if (/phone|^(from|to)Number$/i.test(name)) return '+14155550123';
      if (/currency/i.test(name)) return 'EUR';
      if (/timezone/i.test(name)) return 'Europe/Berlin';
      return name ? `${name} text` : 'text';
    default:
      return null;
  }
}

/** Keeps the schemas the document refers to, directly or through other schemas. */
function pruneSchemas(document: OpenAPIObject): void {
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, inner] of Object.entries(value)) {
      if (
        key === '$ref' &&
        typeof inner === 'string' &&
        inner.startsWith('#/components/schemas/')
      ) {
        const name = inner.slice('#/components/schemas/'.length);
        if (!used.has(name)) {
          used.add(name);
          visit(schemas[name]);
        }
      } else visit(inner);
    }
  };
  visit(document.paths);
  document.components!.schemas = Object.fromEntries(
    Object.entries(schemas)
      .filter(([name]) => used.has(name))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

export function buildOpenApiDocument(
  app: NestFastifyApplication,
  rawRoutes: RawRouteDoc[] = [],
): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Navaia API')
    .setDescription(
      'Operations portal for AI voice agents. Authenticate with a bearer access token (users) ' +
        'or an X-API-Key header (integrators); public routes say so. Errors share one body: ' +
        '{statusCode, error, code, message, details?, requestId}. Lists are keyset pages: ' +
        '{data, nextCursor}; pass nextCursor as `cursor`.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY)
    .addSecurityRequirements(BEARER)
    .addSecurityRequirements(API_KEY)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas: Record<string, SchemaObject> = {
    ...(document.components?.schemas as Record<string, SchemaObject>),
    ...VIEW_SCHEMAS,
    ...dtoSchemas(),
  };
  document.components = { ...document.components, schemas };

  const facts = discoverRouteFacts(app);
  for (const [, method, operation] of operations(document)) {
    const route = operation.operationId && facts.get(operation.operationId);
    if (route) completeOperation(operation, route, schemas, method);
  }
  for (const raw of rawRoutes) {
    const operation: OperationObject = {
      ...raw.operation,
      ...(raw.bodyLimit ? { 'x-body-limit': raw.bodyLimit } : {}),
    };
    completeOperation(operation, raw.facts, schemas, raw.method);
    document.paths[raw.path] = { ...document.paths[raw.path], [raw.method]: operation };
  }
  for (const [, , operation] of operations(document)) {
    for (const response of Object.values(operation.responses ?? {}) as ResponseObject[]) {
      for (const media of Object.values(response.content ?? {})) {
        if (media.schema && media.example === undefined)
          media.example = exampleOf(media.schema, schemas);
      }
    }
  }
  pruneSchemas(document);
  return document;
}

export function setupOpenApi(app: NestFastifyApplication, rawRoutes: RawRouteDoc[] = []): void {
  const document = buildOpenApiDocument(app, rawRoutes);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

import { applyDecorators } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiBody, DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';

export const BEARER = 'bearer';
export const API_KEY = 'api-key';

/**
 * Documents a request body by the shared DTO class. The DTOs carry class-validator rules
 * only (the shared library is framework-free), so their schemas are derived from those
 * rules when the document is built: one definition serves validation and documentation.
 */
export const ApiBodyDto = (dto: { name: string }) =>
  applyDecorators(ApiBody({ schema: { $ref: `#/components/schemas/${dto.name}` } }));

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Navaia API')
    .setDescription(
      'Operations portal for AI voice agents. Authenticate with a bearer access token (users) ' +
        'or an X-API-Key header (integrators). Errors share one body: ' +
        '{statusCode, error, code, message, details?, requestId}.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, API_KEY)
    .addSecurityRequirements(BEARER)
    .addSecurityRequirements(API_KEY)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    refPointerPrefix: '#/components/schemas/',
  });
  document.components = {
    ...document.components,
    schemas: {
      ...(schemas as OpenAPIObject['components'] & object),
      ...document.components?.schemas,
    },
  };
  return document;
}

export function setupOpenApi(app: NestFastifyApplication): void {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

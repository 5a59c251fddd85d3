import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GENERATED_FILE, renderViewSchemas, repositoryRoot, toOpenApi } from './openapi-views';

describe('OpenAPI view schemas', () => {
  it('are generated from the current shared types (run `npm run openapi:views` when this fails)', async () => {
    const root = repositoryRoot();
    const committed = readFileSync(join(root, GENERATED_FILE), 'utf8');
    expect(await renderViewSchemas(root)).toBe(committed);
  }, 60_000);

  it('turn JSON Schema null types, constants and references into OpenAPI 3.0', () => {
    expect(
      toOpenApi({
        type: 'object',
        properties: {
          type: { type: ['string', 'null'] },
          kind: { type: 'string', const: 'a' },
          owner: { anyOf: [{ $ref: '#/definitions/UserView' }, { type: 'null' }] },
          range: { anyOf: [{ type: 'object', properties: {} }, { type: 'null' }] },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        type: { type: 'string', nullable: true },
        kind: { type: 'string', enum: ['a'] },
        owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/UserView' }] },
        range: { nullable: true, type: 'object', properties: {} },
      },
    });
  });
});

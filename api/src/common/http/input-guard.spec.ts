import { checkInput } from './input-guard';

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};

describe('checkInput', () => {
  it('accepts bodies up to the depth limit and refuses deeper ones', () => {
    expect(checkInput(nested(3), 3)).toBeUndefined();
    expect(checkInput(nested(4), 3)).toMatchObject({ statusCode: 400, code: 'body_too_deep' });
  });

  it('walks a body nested far beyond the stack without overflowing', () => {
    expect(checkInput(nested(200_000))).toMatchObject({ code: 'body_too_deep' });
  });

  it('refuses NUL characters and lone surrogates in values and keys, naming the field', () => {
    expect(checkInput({ name: 'a\u0000b' })).toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
      details: [{ field: 'name', message: expect.stringContaining('NUL') }],
    });
    expect(checkInput({ limits: { tags: ['ok', '\ud800'] } })).toMatchObject({
      details: [{ field: 'limits.tags.1' }],
    });
    expect(checkInput({ ['x\udc00']: 1 })).toMatchObject({ details: [{ field: 'x\udc00' }] });
    expect(checkInput('\u0000')).toMatchObject({ details: [{ field: 'body' }] });
  });

  it('accepts any well-formed text, emoji and other scripts included', () => {
    expect(
      checkInput({ name: '𝕳𝖊𝖑𝖑𝖔 👋🏽 مرحبا שלום', notes: ["'; DROP TABLE x; --"] }),
    ).toBeUndefined();
  });

  it('reads query objects whatever their prototype', () => {
    const query = Object.create(Object.create(null)) as Record<string, unknown>;
    query.search = 'a\u0000b';
    expect(checkInput(query)).toMatchObject({ details: [{ field: 'search' }] });
  });

  it('ignores scalars and raw bodies', () => {
    expect(checkInput(42)).toBeUndefined();
    expect(checkInput(null)).toBeUndefined();
    expect(checkInput(Buffer.from('[[[[\u0000'), 1)).toBeUndefined();
  });
});

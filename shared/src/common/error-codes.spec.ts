import { ERROR_CODE_ENUMS, ERROR_CODES } from './error-codes';

describe('error codes', () => {
  it('declares each code in one enum only', () => {
    const owners = new Map<string, string[]>();
    for (const [module, codes] of Object.entries(ERROR_CODE_ENUMS))
      for (const code of Object.values(codes))
        owners.set(code, [...(owners.get(code) ?? []), module]);

    expect([...owners].filter(([, modules]) => modules.length > 1)).toEqual([]);
    expect(ERROR_CODES).toHaveLength(owners.size);
  });

  it('are snake_case words, as the wire has always sent them', () => {
    expect(ERROR_CODES.filter((code) => !/^[a-z]+(_[a-z]+)*$/.test(code))).toEqual([]);
  });
});

/** Only values the API knows survive from the address bar: `a,b,bogus` → `['a', 'b']`. */
export function listParam<T extends string>(
  raw: string | null,
  allowed: readonly T[],
): T[] | undefined {
  const values = (raw ?? '').split(',').filter((v): v is T => allowed.includes(v as T));
  return values.length ? values : undefined;
}

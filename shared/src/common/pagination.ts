export const PAGE_LIMIT_DEFAULT = 25;
export const PAGE_LIMIT_MAX = 100;

/** A page of a keyset-paginated list; `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

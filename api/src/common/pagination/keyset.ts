import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { PAGE_LIMIT_DEFAULT, Page, PageQueryDto, CommonErrorCode } from '@navaia/shared';
import { AppException } from '../errors/app.exception';

/** A sort key: a column of the query's alias, and the entity property holding its value. */
export interface SortKey<T> {
  column: string;
  property: keyof T & string;
  direction: 'ASC' | 'DESC';
}

const invalidCursor = () =>
  new AppException(400, CommonErrorCode.InvalidCursor, 'cursor is not valid for this list', [
    { field: 'cursor', message: 'cursor is not valid for this list' },
  ]);

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== length) throw invalidCursor();
    if (!values.every((v) => typeof v === 'string' || typeof v === 'number')) throw invalidCursor();
    return values;
  } catch {
    throw invalidCursor();
  }
}

function cursorValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Keyset pagination for every list: rows after the cursor's sort values, in a stable
 * order that ends with the unique id, so any page costs what the first page costs.
 * The sort keys must share one direction (one row comparison serves an index scan).
 */
export async function keysetPage<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  query: PageQueryDto,
  keys: SortKey<T>[],
): Promise<Page<T>> {
  const limit = query.limit ?? PAGE_LIMIT_DEFAULT;
  const direction = keys[0].direction;
  if (keys.some((k) => k.direction !== direction))
    throw new Error('Sort keys must share a direction');
  const columns = keys.map((k) => k.column).join(', ');
  if (query.cursor) {
    const values = decodeCursor(query.cursor, keys.length);
    const params = Object.fromEntries(values.map((v, i) => [`cursor${i}`, v]));
    const placeholders = values.map((_, i) => `:cursor${i}`).join(', ');
    qb.andWhere(`(${columns}) ${direction === 'ASC' ? '>' : '<'} (${placeholders})`, params);
  }
  for (const [i, key] of keys.entries()) {
    if (i === 0) qb.orderBy(key.column, key.direction);
    else qb.addOrderBy(key.column, key.direction);
  }
  // LIMIT, not take(): lists join at most one row per record, and take() would wrap the
  // query in a DISTINCT subquery whenever there is a join.
  const rows = await qb.limit(limit + 1).getMany();
  const data = rows.slice(0, limit);
  const last = data[data.length - 1];
  return {
    data,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor(keys.map((k) => cursorValue(last[k.property])))
        : null,
  };
}

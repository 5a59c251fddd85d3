import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { toE164 } from '@navaia/shared';
import { escapeLike } from '../../common/database/pg-errors';

const MAX_SEARCH_TOKENS = 5;

/** Narrows a query over `customers` (as `alias`) to those with a tag (tags are stored lower-case). */
export const whereCustomerTagged = <T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  tag: string,
): SelectQueryBuilder<T> =>
  qb.andWhere(`:tag = ANY(${alias}.tags)`, { tag: tag.trim().toLowerCase() });

/** The words of a search, lower-cased; an empty list when it has none. */
export const searchTokens = (search: string | undefined): string[] =>
  (search ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, MAX_SEARCH_TOKENS);

/**
 * Narrows a query over `customers` (as `alias`) to those a search finds: every word must
 * appear in the name, email or phone (a trigram index serves the LIKEs); a search that reads
 * as a phone number also matches it exactly. The customer list and campaign audiences share
 * it, so a search finds the same customers everywhere. A search without words adds nothing.
 */
export function whereCustomerMatches<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  alias: string,
  search: string,
  defaultCountry: string,
): SelectQueryBuilder<T> {
  const tokens = searchTokens(search);
  if (tokens.length === 0) return qb;
  const likes = tokens.map((_, i) => `${alias}.search_text LIKE :searchToken${i}`).join(' AND ');
  const params = Object.fromEntries(
    tokens.map((t, i) => [`searchToken${i}`, `%${escapeLike(t)}%`]),
  );
  const phone = /\d{3}/.test(search) ? toE164(search, defaultCountry) : null;
  return qb.andWhere(phone ? `((${likes}) OR ${alias}.phone = :searchPhone)` : `(${likes})`, {
    ...params,
    searchPhone: phone,
  });
}

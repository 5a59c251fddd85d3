import { v7 } from 'uuid';

/**
 * UUIDv7 (RFC 9562): Unix milliseconds first, then a counter and random bits. Time-ordered ids
 * keep B-tree inserts at the right edge of the index and give keyset pagination a natural
 * order; `uuid` keeps a per-process counter, so two records written in the same millisecond
 * (an audit entry and the next) list as they were made. Pass `now` for an id of a given
 * instant, outside that counter.
 */
export function uuidv7(now?: number): string {
  return now === undefined ? v7() : v7({ msecs: now });
}

import { randomBytes } from 'node:crypto';

/** The last id's millisecond and sequence: ids made in one millisecond keep their order. */
let last = { ms: 0, seq: 0 };

/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, a 12-bit sequence, then random bits. Time-ordered
 * ids keep B-tree inserts at the right edge of the index and give keyset pagination a natural
 * order. Within a process the sequence (RFC 9562 §6.2, method 1) makes that order exact: two
 * records written in the same millisecond (an audit entry and the next) list as they were
 * made. Pass `now` for an id of a given instant, outside that sequence.
 */
export function uuidv7(now?: number): string {
  let ms: number;
  let seq: number;
  if (now !== undefined) {
    ms = now;
    seq = randomBytes(2).readUInt16BE(0) & 0x7ff;
  } else {
    ms = Date.now();
    if (ms > last.ms) {
      // A fresh millisecond starts low in the sequence, leaving room to count up.
      seq = randomBytes(2).readUInt16BE(0) & 0x7ff;
    } else {
      // Same millisecond, or the clock stepped back: continue after the last id.
      ms = last.ms;
      seq = last.seq + 1;
      if (seq > 0xfff) {
        ms += 1;
        seq = 0;
      }
    }
    last = { ms, seq };
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (seq >> 8);
  bytes[7] = seq & 0xff;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

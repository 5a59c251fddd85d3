import { createHmac, timingSafeEqual } from 'node:crypto';

/** ElevenLabs signs `<t>.<raw body>`; deliveries older or newer than this are refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 30 * 60;

export type SignatureRejection = 'missing' | 'malformed' | 'stale' | 'future' | 'mismatch';
export type SignatureCheck = { ok: true } | { ok: false; reason: SignatureRejection };

/** The value of an `ElevenLabs-Signature` header for `body`, as the provider computes it. */
export function signElevenLabs(
  body: string | Buffer,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
  return `t=${timestamp},v0=${digest}`;
}

export type SignatureHeader =
  { ok: true; timestamp: number; signatures: Buffer[] } | { ok: false; reason: SignatureRejection };

/**
 * Reads `ElevenLabs-Signature: t=<unix>,v0=<hex>[,v0=…]` without the body: a header that is
 * missing, malformed or outside the time tolerance is refused before the body is read.
 * Unlike the official SDK, timestamps too far in the future are refused as well as stale ones.
 */
export function readElevenLabsSignatureHeader(
  header: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureHeader {
  if (!header) return { ok: false, reason: 'missing' };
  let timestamp: number | undefined;
  const signatures: Buffer[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value ?? '')) timestamp = Number(value);
    if (key === 'v0' && /^[0-9a-f]{64}$/i.test(value ?? ''))
      signatures.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || signatures.length === 0) return { ok: false, reason: 'malformed' };
  if (nowSeconds - timestamp > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  if (timestamp - nowSeconds > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'future' };
  return { ok: true, timestamp, signatures };
}

/**
 * Verifies the signature header (see `readElevenLabsSignatureHeader`) over the raw body. Any
 * listed secret may match (secrets rotate without downtime) and any listed v0 may (the
 * provider may sign with several). Comparisons are constant-time.
 */
export function verifyElevenLabsSignature(
  header: string | undefined,
  rawBody: Buffer,
  secrets: readonly string[],
  nowSeconds = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const read = readElevenLabsSignatureHeader(header, nowSeconds);
  if (!read.ok) return read;
  for (const secret of secrets) {
    const expected = createHmac('sha256', secret)
      .update(`${read.timestamp}.`)
      .update(rawBody)
      .digest();
    if (read.signatures.some((candidate) => timingSafeEqual(candidate, expected)))
      return { ok: true };
  }
  return { ok: false, reason: 'mismatch' };
}

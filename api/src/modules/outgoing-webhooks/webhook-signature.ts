import { createHmac, randomBytes } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification defines it: HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of a
 * `whsec_` secret, sent as `v1,<base64>`; several signatures are separated by spaces.
 */
const SECRET_PREFIX = 'whsec_';

/** A new signing secret: 32 random bytes, base64, with the `whsec_` prefix. */
export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  return Buffer.from(encoded, 'base64');
}

/** One `v1,<base64>` signature. */
export function signWebhook(
  secret: string,
  webhookId: string,
  timestamp: number,
  body: string,
): string {
  const digest = createHmac('sha256', secretKey(secret))
    .update(`${webhookId}.${timestamp}.${body}`)
    .digest('base64');
  return `v1,${digest}`;
}

/** The `webhook-signature` header: one signature per secret in use. */
export function webhookSignatureHeader(
  secrets: readonly string[],
  webhookId: string,
  timestamp: number,
  body: string,
): string {
  return secrets.map((secret) => signWebhook(secret, webhookId, timestamp, body)).join(' ');
}

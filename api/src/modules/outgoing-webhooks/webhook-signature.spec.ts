import { createHmac } from 'node:crypto';
import { generateWebhookSecret, signWebhook, webhookSignatureHeader } from './webhook-signature';

/** The Standard Webhooks definition, written out here rather than borrowed from the code. */
function referenceSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const content = Buffer.from(`${id}.${timestamp}.${body}`, 'utf8');
  return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
}

describe('outgoing webhook signatures', () => {
  // The example of the Standard Webhooks specification and its reference libraries.
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
  const id = 'msg_p5jXN8AQM9LWM0D4loKWxJek';
  const timestamp = 1614265330;
  const body = '{"test": 2432232314}';

  it('matches the published example of the specification', () => {
    expect(signWebhook(secret, id, timestamp, body)).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('agrees with the definition for other ids, times, bodies and secrets', () => {
    const other = generateWebhookSecret();
    const unicodeBody = JSON.stringify({ type: 'ticket.created', data: { subject: 'Grüße ✓' } });
    expect(signWebhook(other, 'msg_1', 1_700_000_000, unicodeBody)).toBe(
      referenceSignature(other, 'msg_1', 1_700_000_000, unicodeBody),
    );
  });

  it('changes when any signed part changes', () => {
    const signature = signWebhook(secret, id, timestamp, body);
    expect(signWebhook(secret, `${id}x`, timestamp, body)).not.toBe(signature);
    expect(signWebhook(secret, id, timestamp + 1, body)).not.toBe(signature);
    expect(signWebhook(secret, id, timestamp, `${body} `)).not.toBe(signature);
    expect(signWebhook(generateWebhookSecret(), id, timestamp, body)).not.toBe(signature);
  });

  it('signs with every secret in use, separated by spaces', () => {
    const next = generateWebhookSecret();
    expect(webhookSignatureHeader([next, secret], id, timestamp, body)).toBe(
      `${referenceSignature(next, id, timestamp, body)} ${referenceSignature(secret, id, timestamp, body)}`,
    );
  });

  it('issues secrets of 32 random bytes with the whsec_ prefix', () => {
    const issued = generateWebhookSecret();
    expect(issued).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(issued.slice(6), 'base64')).toHaveLength(32);
    expect(generateWebhookSecret()).not.toBe(issued);
  });
});

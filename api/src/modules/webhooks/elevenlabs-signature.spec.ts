import { createHmac } from 'node:crypto';
import { signElevenLabs, verifyElevenLabsSignature } from './elevenlabs-signature';

const body = Buffer.from('{"type":"post_call_transcription","data":{"conversation_id":"conv_1"}}');
const now = 1_794_312_000;
const secret = 'wsec_current';

describe('ElevenLabs webhook signatures', () => {
  it('accepts a valid signature', () => {
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, secret, now), body, [secret], now),
    ).toEqual({ ok: true });
  });

  it('signs exactly HMAC-SHA256 of "<t>.<body>" in hex, as documented', () => {
    const expected = createHmac('sha256', secret).update(`${now}.${body.toString()}`).digest('hex');
    expect(signElevenLabs(body, secret, now)).toBe(`t=${now},v0=${expected}`);
  });

  it('refuses a tampered body', () => {
    const tampered = Buffer.from(body.toString().replace('conv_1', 'conv_2'));
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, secret, now), tampered, [secret], now),
    ).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a signature made with another secret', () => {
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, 'other', now), body, [secret], now),
    ).toEqual({ ok: false, reason: 'mismatch' });
  });

  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['v0=abc', 'malformed'],
    [`t=${now}`, 'malformed'],
    [`t=yesterday,v0=${'a'.repeat(64)}`, 'malformed'],
  ])('refuses the header %p as %s', (header, reason) => {
    expect(verifyElevenLabsSignature(header, body, [secret], now)).toEqual({ ok: false, reason });
  });

  it('refuses timestamps more than 30 minutes old or ahead, and accepts them within', () => {
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, secret, now - 1801), body, [secret], now),
    ).toEqual({ ok: false, reason: 'stale' });
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, secret, now + 1801), body, [secret], now),
    ).toEqual({ ok: false, reason: 'future' });
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, secret, now - 1799), body, [secret], now).ok,
    ).toBe(true);
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, secret, now + 1799), body, [secret], now).ok,
    ).toBe(true);
  });

  it('accepts a header with several signatures of which one is valid', () => {
    const valid = signElevenLabs(body, secret, now).split(',')[1];
    expect(
      verifyElevenLabsSignature(`t=${now},v0=${'0'.repeat(64)},${valid}`, body, [secret], now).ok,
    ).toBe(true);
  });

  it('accepts both the old and the new secret while both are configured (rotation)', () => {
    const secrets = ['wsec_old', 'wsec_new'];
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, 'wsec_old', now), body, secrets, now).ok,
    ).toBe(true);
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, 'wsec_new', now), body, secrets, now).ok,
    ).toBe(true);
    expect(
      verifyElevenLabsSignature(signElevenLabs(body, 'wsec_old', now), body, ['wsec_new'], now).ok,
    ).toBe(false);
  });
});

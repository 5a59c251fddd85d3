import { createHmac, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';

const KEY_PREFIX = 'nvk_';
/** `nvk_<lookup prefix>_<secret>`: the prefix finds the row, the secret proves possession. */
const KEY_FORMAT = /^nvk_([A-Za-z0-9]{12})_([A-Za-z0-9_-]{43})$/;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface NewKeySecret {
  /** What the integrator is shown once. */
  key: string;
  /** Stored in clear and shown in lists; unique. */
  prefix: string;
  hash: string;
}

/**
 * Makes and recognises API keys. The secret part is 256 random bits, so the stored hash is
 * a single HMAC-SHA256 rather than a password hash such as argon2: slow hashes exist to make
 * guessing low-entropy passwords expensive, and nothing can guess 256 random bits, while an
 * argon2 verification on every integrator request would cost tens of milliseconds of CPU
 * and hand anyone with a made-up key a cheap way to load the server. The HMAC key is a
 * server secret, so a copy of the database alone does not even allow testing a key.
 */
@Injectable()
export class ApiKeySecrets {
  private readonly hmacKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.hmacKey = Buffer.from(config.apiKeys.hashSecret);
  }

  generate(): NewKeySecret {
    const prefix = randomAlphanumeric(12);
    const key = `${KEY_PREFIX}${prefix}_${randomBytes(32).toString('base64url')}`;
    return { key, prefix, hash: this.hash(key) };
  }

  /** The prefix and hash of a presented key, or null when it cannot be one of ours. */
  parse(presented: string): { prefix: string; hash: string } | null {
    const match = KEY_FORMAT.exec(presented);
    return match ? { prefix: match[1], hash: this.hash(presented) } : null;
  }

  private hash(key: string): string {
    return createHmac('sha256', this.hmacKey).update(key).digest('hex');
  }
}

function randomAlphanumeric(length: number): string {
  // 62 does not divide 256: drawing from bytes below 248 keeps every character equally likely.
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}

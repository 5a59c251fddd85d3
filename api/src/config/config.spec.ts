import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, TelephonyProviderName, VoiceProviderName } from './config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'navaia-config-'));

describe('configuration', () => {
  it('defaults to a complete development setup on simulators', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      env: 'development',
      port: 3000,
      publicBaseUrl: 'http://localhost:3000',
      role: 'all',
      redisUrl: 'redis://127.0.0.1:6379',
      voiceProvider: VoiceProviderName.Simulator,
      telephonyProvider: TelephonyProviderName.Simulator,
      seedDemo: true,
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.jwtSecret.length).toBeGreaterThanOrEqual(32);
  });

  it('keeps the generated development JWT secret across restarts', () => {
    const dir = dataDir();
    expect(loadConfig({ DATA_DIR: dir }).jwtSecret).toBe(loadConfig({ DATA_DIR: dir }).jwtSecret);
  });

  it.each([
    [{ PORT: 'eighty' }, /^PORT: /],
    [{ APP_ROLE: 'both' }, /^APP_ROLE: /],
    [{ DATABASE_URL: 'mysql://x' }, /^DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ JWT_SECRET: 'short' }, /^JWT_SECRET: /],
    [{ TWILIO_FROM_NUMBER: '555-1234' }, /^TWILIO_FROM_NUMBER: must be an E\.164 number/],
    [
      { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db' },
      /^JWT_SECRET: is required in production/,
    ],
    [{ VOICE_PROVIDER: 'elevenlabs' }, /^ELEVENLABS_API_KEY: is required/],
    [{ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'yes' }, /^WEBHOOK_ALLOW_PRIVATE_TARGETS: /],
    [{ RATE_LIMIT_USER_PER_MINUTE: '-1' }, /^RATE_LIMIT_USER_PER_MINUTE: /],
    [{ RATE_LIMIT_API_KEY_PER_MINUTE: 'lots' }, /^RATE_LIMIT_API_KEY_PER_MINUTE: /],
    [{ API_KEY_ROTATION_GRACE_SECONDS: '999999999' }, /^API_KEY_ROTATION_GRACE_SECONDS: /],
    [{ API_KEY_SECRET: 'short' }, /^API_KEY_SECRET: /],
  ])('stops with one line naming the key for %p', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('uses the real providers when their credentials are present', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      ELEVENLABS_API_KEY: 'xi-key',
      ELEVENLABS_WEBHOOK_SECRETS: 'one, two',
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'token',
    });
    expect(config.voiceProvider).toBe(VoiceProviderName.ElevenLabs);
    expect(config.telephonyProvider).toBe(TelephonyProviderName.Twilio);
    expect(config.elevenLabs.webhookSecrets).toEqual(['one', 'two']);
  });

  it('trusts no proxy unless told, in production too, and takes hops or addresses', () => {
    const trustOf = (TRUST_PROXY?: string) =>
      loadConfig({
        DATA_DIR: dataDir(),
        NODE_ENV: 'production',
        JWT_SECRET: 'x'.repeat(32),
        DATABASE_URL: 'postgres://db/navaia',
        TRUST_PROXY,
      }).trustProxy;
    expect(trustOf()).toBe(false);
    expect(trustOf('false')).toBe(false);
    expect(trustOf('2')).toBe(2);
    expect(trustOf('10.0.0.1, 10.1.0.0/16,loopback,::1')).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'loopback',
      '::1',
    ]);
    expect(() => trustOf('true')).toThrow(/^TRUST_PROXY: true is not an address/);
    expect(() => trustOf('10.0.0.1/40')).toThrow(/^TRUST_PROXY: 10\.0\.0\.1\/40 is not/);
  });

  it('limits registrations per address to 10 an hour unless configured', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).registrationsPerAddressPerHour).toBe(10);
    const off = loadConfig({ DATA_DIR: dataDir(), REGISTRATIONS_PER_ADDRESS_PER_HOUR: '0' });
    expect(off.registrationsPerAddressPerHour).toBe(0);
  });

  it('refuses PLATFORM_OPERATOR_EMAILS, which must no longer grant operator rights', () => {
    expect(() =>
      loadConfig({ DATA_DIR: dataDir(), PLATFORM_OPERATOR_EMAILS: 'ops@example.com' }),
    ).toThrow(/^PLATFORM_OPERATOR_EMAILS: .*npm run operator -- grant/);
    expect(loadConfig({ DATA_DIR: dataDir(), PLATFORM_OPERATOR_EMAILS: '' })).toBeDefined();
  });

  it('keeps outgoing webhooks off private addresses unless the operator allows them', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).outgoingWebhooks.allowPrivateTargets).toBe(false);
    const allowed = loadConfig({ DATA_DIR: dataDir(), WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' });
    expect(allowed.outgoingWebhooks.allowPrivateTargets).toBe(true);
  });

  it('has generous rate limits that 0 switches off, and a day of rotation grace', () => {
    expect(loadConfig({ DATA_DIR: dataDir() })).toMatchObject({
      rateLimits: { userPerMinute: 600, apiKeyPerMinute: 1200 },
      apiKeys: { rotationGraceSeconds: 86400 },
    });
    const off = loadConfig({
      DATA_DIR: dataDir(),
      RATE_LIMIT_USER_PER_MINUTE: '0',
      RATE_LIMIT_API_KEY_PER_MINUTE: '0',
      API_KEY_ROTATION_GRACE_SECONDS: '60',
    });
    expect(off.rateLimits).toEqual({ userPerMinute: 0, apiKeyPerMinute: 0 });
    expect(off.apiKeys.rotationGraceSeconds).toBe(60);
  });

  it('keys API key hashes by API_KEY_SECRET, else by a value derived from JWT_SECRET', () => {
    const jwt = 'j'.repeat(40);
    const derived = loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: jwt }).apiKeys.hashSecret;
    expect(derived).not.toBe(jwt);
    expect(loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: jwt }).apiKeys.hashSecret).toBe(derived);
    const own = 'k'.repeat(40);
    expect(
      loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: jwt, API_KEY_SECRET: own }).apiKeys.hashSecret,
    ).toBe(own);
  });
});

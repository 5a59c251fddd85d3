import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { DEFAULT_OUTCOME_MIX, OutcomeMix, parseOutcomeMix } from './simulator-outcomes';
import { API_KEY_MAX_GRACE_SECONDS } from '@navaia/shared';

export enum AppRole {
  All = 'all',
  Http = 'http',
  Worker = 'worker',
}
export enum VoiceProviderName {
  ElevenLabs = 'elevenlabs',
  Simulator = 'simulator',
}
export enum TelephonyProviderName {
  Twilio = 'twilio',
  ElevenLabs = 'elevenlabs',
  Simulator = 'simulator',
}
export enum SimulatorSpeed {
  Realtime = 'realtime',
  Fast = 'fast',
}

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const toDecimal = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** The environment as it arrives; every key of `.env.example`. */
class RawEnv {
  @IsOptional() @IsEnum(['development', 'production', 'test']) NODE_ENV?: string;
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) @Max(65535) PORT?: number;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL?: string;
  @IsOptional() @IsEnum(AppRole) APP_ROLE?: AppRole;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) JWT_SECRET?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() ELEVENLABS_API_KEY?: string;
  @Transform(splitList)
  @IsOptional()
  @IsString({ each: true })
  ELEVENLABS_WEBHOOK_SECRETS?: string[];
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  ELEVENLABS_BASE_URL?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^AC[0-9a-fA-F]{32}$/, { message: 'must look like AC followed by 32 hex digits' })
  TWILIO_ACCOUNT_SID?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() TWILIO_AUTH_TOKEN?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'must be an E.164 number such as +14155550100' })
  TWILIO_FROM_NUMBER?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'] })
  TWILIO_BASE_URL?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEnum(VoiceProviderName)
  VOICE_PROVIDER?: VoiceProviderName;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEnum(TelephonyProviderName)
  TELEPHONY_PROVIDER?: TelephonyProviderName;
  @Transform(emptyToUndefined) @IsOptional() @IsString() PLATFORM_OPERATOR_EMAILS?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @IsEnum(SimulatorSpeed)
  SIMULATOR_SPEED?: SimulatorSpeed;
  @IsOptional()
  @IsEnum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() DATA_DIR?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() AUDIO_DIR?: string;
  @IsOptional() @IsEnum(['true', 'false']) SEED_DEMO?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/, { message: 'must be letters, digits, - or _' })
  QUEUE_PREFIX?: string;
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^\s*[a-z_]+\s*:\s*\d+(\.\d+)?\s*(,\s*[a-z_]+\s*:\s*\d+(\.\d+)?\s*)*$/, {
    message: 'must look like answered:70,voicemail:8,no_answer:10,busy:7,failed:5',
  })
  SIMULATOR_CALL_OUTCOMES?: string;
  @Transform(toDecimal)
  @IsOptional()
  @IsNumber()
  @Min(0.1)
  @Max(3600)
  SIMULATOR_CALL_SECONDS?: number;
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  BULK_CALL_REQUESTS_PER_MINUTE?: number;
  @IsOptional() @IsEnum(['true', 'false']) WEBHOOK_ALLOW_PRIVATE_TARGETS?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(32) API_KEY_SECRET?: string;
  @Transform(emptyToUndefined) @IsOptional() @IsString() @MinLength(24) METRICS_TOKEN?: string;
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(API_KEY_MAX_GRACE_SECONDS)
  API_KEY_ROTATION_GRACE_SECONDS?: number;
  @Transform(toInt) @IsOptional() @IsInt() @Min(1) @Max(1000) CAMPAIGN_STREAMS_PER_USER?: number;
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  CAMPAIGN_STREAMS_PER_TENANT?: number;
  @Transform(toInt) @IsOptional() @IsInt() @Min(1) @Max(1000) WEBHOOK_ENDPOINTS_PER_TENANT?: number;
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  WEBHOOK_DELIVERIES_PER_TENANT_PER_MINUTE?: number;
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) RATE_LIMIT_USER_PER_MINUTE?: number;
  @Transform(toInt) @IsOptional() @IsInt() @Min(0) RATE_LIMIT_API_KEY_PER_MINUTE?: number;
  @Transform(emptyToUndefined) @IsOptional() @IsString() TRUST_PROXY?: string;
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(0)
  REGISTRATIONS_PER_ADDRESS_PER_HOUR?: number;
}

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  publicBaseUrl: string;
  role: AppRole;
  /** Undefined means "start an embedded PostgreSQL" (development only). */
  databaseUrl?: string;
  redisUrl: string;
  jwtSecret: string;
  dataDir: string;
  /** Where post-call recordings are written. */
  audioDir: string;
  logLevel: string;
  seedDemo: boolean;
  bodyLimitBytes: number;
  /** Namespaces the BullMQ keys, so separate deployments (or test runs) can share one Redis. */
  queuePrefix: string;
  elevenLabs: { apiKey?: string; webhookSecrets: string[]; baseUrl?: string };
  twilio: {
    accountSid?: string;
    authToken?: string;
    fromNumber?: string;
    baseUrl?: string;
    /** Verifies status callbacks; without Twilio (simulator) a generated one signs them. */
    webhookAuthToken: string;
  };
  voiceProvider: VoiceProviderName;
  telephonyProvider: TelephonyProviderName;
  simulatorSpeed: SimulatorSpeed;
  simulator: {
    /** Relative weights of simulated call outcomes. */
    callOutcomes: OutcomeMix;
    /** Fixed talk time of simulated answered calls, when set (benchmarks). */
    callSeconds?: number;
  };
  /** POST /calls/bulk requests a tenant may make per minute. */
  bulkCallRequestsPerMinute: number;
  callReconciler: CallReconcilerConfig;
  inboxRelay: InboxRelayConfig;
  outgoingWebhooks: OutgoingWebhooksConfig;
  apiKeys: {
    /** Keys the hash of stored API keys. */
    hashSecret: string;
    /** How long a rotated key keeps working unless the rotation says otherwise. */
    rotationGraceSeconds: number;
  };
  /** Requests per minute per principal; 0 switches the limit off. */
  rateLimits: { userPerMinute: number; apiKeyPerMinute: number };
  /** Campaign event streams open at once, per user (or API key) and per tenant. */
  campaignStreams: { perUser: number; perTenant: number };
  /** Bearer token for GET /api/metrics; without it the metrics are not served. */
  metricsToken?: string;
  /**
   * Which proxies may say who the client is (X-Forwarded-For), as Fastify's `trustProxy`:
   * none (false), the nearest N hops, or these addresses and CIDR ranges.
   */
  trustProxy: false | number | string[];
  /** Tenants one client address may register per hour; 0 switches the limit off. */
  registrationsPerAddressPerHour: number;
}

/** Delivery of events to integrators' endpoints. Only the first is an environment key. */
export interface OutgoingWebhooksConfig {
  /**
   * Deliver to private, loopback and link-local addresses too. Off by default, because a
   * tenant admin could otherwise make the server call into its own network (SSRF).
   */
  allowPrivateTargets: boolean;
  /** Endpoints a tenant may have. */
  maxEndpointsPerTenant: number;
  /** Delivery attempts per tenant and minute; the others wait for the next minute. */
  deliveriesPerTenantPerMinute: number;
  /** The window of that rate: a minute (tests shorten it). */
  deliveryRateWindowMs: number;
  /** Wait before each retry; a delivery fails after the last one. */
  retryDelaysMs: number[];
  /** An endpoint is disabled once it has failed this many attempts in a row… */
  disableAfterFailures: number;
  /** …over at least this long without a success. */
  disableAfterMs: number;
  requestTimeoutMs: number;
  /**
   * How often the relay looks for due deliveries (retries, and any a crash left behind);
   * 0 runs no relay in this process.
   */
  relayIntervalMs: number;
  /** How long the secret replaced by a rotation still signs. */
  secretOverlapMs: number;
}

/** Settling calls whose provider went silent. Not environment keys. */
export interface CallReconcilerConfig {
  /** How often the reconciler runs. */
  intervalMs: number;
  /** A dial the provider never answered (the process died while asking) is settled after this. */
  unknownDialMs: number;
  /** A call with no news for this long is asked about, or given up on. */
  silentCallMs: number;
}

/** The relay that queues provider events stored in the inbox but not processed yet. */
export interface InboxRelayConfig {
  /** How often a worker looks for such events; 0 runs no periodic relay in this process. */
  intervalMs: number;
  /** An event younger than this is left to the job its intake queued. */
  ageMs: number;
  /** An event the relay queued is queued again after this long if it still waits. */
  leaseMs: number;
}

export const DEFAULT_INBOX_RELAY: InboxRelayConfig = {
  intervalMs: 2_000,
  ageMs: 5_000,
  leaseMs: 60_000,
};

export const DEFAULT_CALL_RECONCILER: CallReconcilerConfig = {
  intervalMs: 60_000,
  unknownDialMs: 10 * 60_000,
  silentCallMs: 120 * 60_000,
};

const HOUR_MS = 3600_000;

export const DEFAULT_OUTGOING_WEBHOOKS: Omit<OutgoingWebhooksConfig, 'allowPrivateTargets'> = {
  maxEndpointsPerTenant: 10,
  deliveriesPerTenantPerMinute: 600,
  deliveryRateWindowMs: 60_000,
  // 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h: about a day and a half in eight attempts.
  retryDelaysMs: [
    5_000,
    5 * 60_000,
    30 * 60_000,
    2 * HOUR_MS,
    5 * HOUR_MS,
    10 * HOUR_MS,
    14 * HOUR_MS,
  ],
  disableAfterFailures: 5,
  disableAfterMs: 24 * HOUR_MS,
  requestTimeoutMs: 10_000,
  relayIntervalMs: 5_000,
  secretOverlapMs: 24 * HOUR_MS,
};

export class ConfigError extends Error {}

/** Reads a secret from `.data/` or creates it there, so development restarts keep sessions. */
function persistedSecret(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The process environment, with a `.env` file in the working directory applied when present. */
export function readEnvironment(): NodeJS.ProcessEnv {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

/**
 * Validates the environment once. This is the only place in the application that reads
 * `process.env`; everything else receives the typed result.
 */
export function loadConfig(env: NodeJS.ProcessEnv = readEnvironment()): AppConfig {
  const raw = plainToInstance(RawEnv, { ...env }, { excludeExtraneousValues: false });
  const errors = validateSync(raw, { skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    // Decorators apply bottom-up, so the last constraint is the most basic one (the type).
    const reason = Object.values(first.constraints ?? {}).pop() ?? 'is invalid';
    throw new ConfigError(
      `${first.property}: ${reason.replace(new RegExp(`^${first.property} `), '')}`,
    );
  }
  const nodeEnv = (raw.NODE_ENV ?? 'development') as AppConfig['env'];
  const production = nodeEnv === 'production';
  const dataDir = resolve(raw.DATA_DIR ?? '.data');
  const port = raw.PORT ?? 3000;

  if (production && !raw.JWT_SECRET) throw new ConfigError('JWT_SECRET: is required in production');
  if (production && !raw.DATABASE_URL)
    throw new ConfigError('DATABASE_URL: is required in production');

  // Rights once derived from it went to whoever registered the address.
  if (raw.PLATFORM_OPERATOR_EMAILS)
    throw new ConfigError(
      'PLATFORM_OPERATOR_EMAILS: no longer grants anything; remove it and grant operators with npm run operator -- grant <email>',
    );

  const jwtSecret = raw.JWT_SECRET ?? persistedSecret(dataDir, 'jwt-secret');
  const hasElevenLabs = Boolean(raw.ELEVENLABS_API_KEY);
  const hasTwilio = Boolean(raw.TWILIO_ACCOUNT_SID && raw.TWILIO_AUTH_TOKEN);
  const voiceProvider =
    raw.VOICE_PROVIDER ??
    (hasElevenLabs ? VoiceProviderName.ElevenLabs : VoiceProviderName.Simulator);
  const telephonyProvider =
    raw.TELEPHONY_PROVIDER ??
    (hasTwilio && hasElevenLabs ? TelephonyProviderName.Twilio : TelephonyProviderName.Simulator);
  if (voiceProvider === VoiceProviderName.ElevenLabs && !hasElevenLabs)
    throw new ConfigError('ELEVENLABS_API_KEY: is required when VOICE_PROVIDER=elevenlabs');
  if (telephonyProvider === TelephonyProviderName.Twilio && !hasTwilio)
    throw new ConfigError(
      'TWILIO_ACCOUNT_SID: and TWILIO_AUTH_TOKEN are required when TELEPHONY_PROVIDER=twilio',
    );
  if (production && hasElevenLabs && !raw.ELEVENLABS_WEBHOOK_SECRETS?.length)
    throw new ConfigError('ELEVENLABS_WEBHOOK_SECRETS: is required in production with ElevenLabs');

  return {
    env: nodeEnv,
    port,
    publicBaseUrl: (raw.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/$/, ''),
    role: raw.APP_ROLE ?? AppRole.All,
    databaseUrl: raw.DATABASE_URL,
    redisUrl: raw.REDIS_URL ?? 'redis://127.0.0.1:6379',
    jwtSecret,
    dataDir,
    audioDir: resolve(raw.AUDIO_DIR ?? join(dataDir, 'audio')),
    logLevel: raw.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info'),
    seedDemo: (raw.SEED_DEMO ?? (production ? 'false' : 'true')) === 'true',
    bodyLimitBytes: 1024 * 1024,
    queuePrefix: raw.QUEUE_PREFIX ?? 'navaia',
    elevenLabs: {
      apiKey: raw.ELEVENLABS_API_KEY,
      // Without configured secrets (development), one is generated and shared by the
      // simulator and the verifier: the signature check is never switched off.
      webhookSecrets: raw.ELEVENLABS_WEBHOOK_SECRETS?.length
        ? raw.ELEVENLABS_WEBHOOK_SECRETS
        : [persistedSecret(dataDir, 'elevenlabs-webhook-secret')],
      baseUrl: raw.ELEVENLABS_BASE_URL,
    },
    twilio: {
      accountSid: raw.TWILIO_ACCOUNT_SID,
      authToken: raw.TWILIO_AUTH_TOKEN,
      fromNumber: raw.TWILIO_FROM_NUMBER,
      baseUrl: raw.TWILIO_BASE_URL,
      webhookAuthToken: raw.TWILIO_AUTH_TOKEN ?? persistedSecret(dataDir, 'twilio-auth-token'),
    },
    voiceProvider,
    telephonyProvider,
    simulatorSpeed: raw.SIMULATOR_SPEED ?? SimulatorSpeed.Realtime,
    simulator: {
      callOutcomes: outcomeMix(raw.SIMULATOR_CALL_OUTCOMES),
      callSeconds: raw.SIMULATOR_CALL_SECONDS,
    },
    bulkCallRequestsPerMinute: raw.BULK_CALL_REQUESTS_PER_MINUTE ?? 10,
    callReconciler: DEFAULT_CALL_RECONCILER,
    inboxRelay: DEFAULT_INBOX_RELAY,
    outgoingWebhooks: {
      ...DEFAULT_OUTGOING_WEBHOOKS,
      allowPrivateTargets: raw.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
      maxEndpointsPerTenant:
        raw.WEBHOOK_ENDPOINTS_PER_TENANT ?? DEFAULT_OUTGOING_WEBHOOKS.maxEndpointsPerTenant,
      deliveriesPerTenantPerMinute:
        raw.WEBHOOK_DELIVERIES_PER_TENANT_PER_MINUTE ??
        DEFAULT_OUTGOING_WEBHOOKS.deliveriesPerTenantPerMinute,
    },
    metricsToken: raw.METRICS_TOKEN,
    apiKeys: {
      // Derived from JWT_SECRET when not set, so existing deployments need no new secret; a
      // separate one lets JWT_SECRET rotate without invalidating every integrator's key.
      hashSecret:
        raw.API_KEY_SECRET ??
        createHmac('sha256', jwtSecret).update('navaia api key hashing').digest('base64url'),
      rotationGraceSeconds: raw.API_KEY_ROTATION_GRACE_SECONDS ?? 24 * 3600,
    },
    rateLimits: {
      userPerMinute: raw.RATE_LIMIT_USER_PER_MINUTE ?? 600,
      apiKeyPerMinute: raw.RATE_LIMIT_API_KEY_PER_MINUTE ?? 1200,
    },
    campaignStreams: {
      perUser: raw.CAMPAIGN_STREAMS_PER_USER ?? 5,
      perTenant: raw.CAMPAIGN_STREAMS_PER_TENANT ?? 50,
    },
    trustProxy: parseTrustProxy(raw.TRUST_PROXY),
    registrationsPerAddressPerHour: raw.REGISTRATIONS_PER_ADDRESS_PER_HOUR ?? 10,
  };
}

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY beside addresses. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** TRUST_PROXY: `false` (the default), a hop count, or a comma-separated address list. */
export function parseTrustProxy(text: string | undefined): false | number | string[] {
  const value = text?.trim();
  if (!value || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value.split(',').map((s) => s.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const validBits =
      bits === undefined ||
      (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32) && extra === undefined);
    if (!PROXY_RANGES.has(entry) && (!family || !validBits))
      throw new ConfigError(
        `TRUST_PROXY: ${entry || 'an empty entry'} is not an address or CIDR range; use false, a hop count such as 1, or addresses such as 10.0.0.1,10.1.0.0/16`,
      );
  }
  return entries;
}

function outcomeMix(text: string | undefined): OutcomeMix {
  if (!text) return DEFAULT_OUTCOME_MIX;
  try {
    return parseOutcomeMix(text);
  } catch (error) {
    throw new ConfigError(`SIMULATOR_CALL_OUTCOMES: ${(error as Error).message}`);
  }
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

import Redis, { RedisOptions } from 'ioredis';

/** ioredis options from a redis:// URL, for both plain clients and BullMQ. */
export function redisOptions(url: string): RedisOptions {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 6379),
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0,
    tls: u.protocol === 'rediss:' ? {} : undefined,
  };
}

/**
 * A client for request-path commands: with the offline queue off, commands fail at once
 * while Redis is down (the API answers 503) instead of waiting; it reconnects by itself.
 */
export function createRequestRedis(url: string): Redis {
  return new Redis({
    ...redisOptions(url),
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}

/** Resolves when Redis answers PING, rejects after `timeoutMs`. */
export async function pingRedis(url: string, timeoutMs = 2_000): Promise<void> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

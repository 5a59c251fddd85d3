import { Logger } from '@nestjs/common';
import { ResolvedConfig } from '../app.module';
import { runMigrations } from '../common/database/data-source';
import { pingRedis } from '../common/redis/redis';
import { AppConfig, ConfigError, loadConfig } from '../config/config';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Prepared {
  config: ResolvedConfig;
  /** Stops what preparation started (the embedded database). */
  stop(): Promise<void>;
}

/** Prints one line and exits: start-up problems must read as what to fix, not a stack trace. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`Invalid configuration: ${error.message}`);
    throw error;
  }
}

/** Config, database (embedded when none is configured), Redis check and migrations. */
export async function prepare(logger: Logger): Promise<Prepared> {
  const config = loadConfigOrExit();
  let stop = async () => undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${config.dataDir}/pg`);
    const embedded = await startEmbeddedPostgres(config.dataDir).catch((error: Error) =>
      fail(`Could not start the embedded PostgreSQL (${error.message}); set DATABASE_URL instead.`),
    );
    databaseUrl = embedded.url;
    stop = async () => void (await embedded.stop());
  }
  await pingRedis(config.redisUrl).catch(() =>
    fail(
      `Redis is not reachable at ${config.redisUrl}. Start one with ` +
        '`redis-server --daemonize yes --port 6379` (or set REDIS_URL).',
    ),
  );
  const applied = await runMigrations(databaseUrl).catch((error: Error) =>
    fail(`Database migration failed: ${error.message}`),
  );
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
  return { config: { ...config, databaseUrl }, stop };
}

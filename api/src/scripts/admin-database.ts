import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../bootstrap/embedded-postgres';
import { AppConfig, ConfigError } from '../config/config';

/** One line and a non-zero exit: what to fix, not a stack trace. */
export class Stop extends Error {}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * A failure the person running the command can fix (a Stop, a bad configuration, or another
 * of `expected`) becomes one line and exit code 1; anything else is a bug and is thrown on.
 */
export function reportStop(error: unknown, io: Output, ...expected: (new () => Error)[]): number {
  if (error instanceof ConfigError) {
    io.err(`Invalid configuration: ${error.message}`);
    return 1;
  }
  if (error instanceof Stop || expected.some((kind) => error instanceof kind)) {
    io.err((error as Error).message);
    return 1;
  }
  throw error;
}

/** Runs a command when its file is the entry point, exiting with its code. */
export function runAsMain(name: string, command: () => Promise<number>): void {
  command().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${name} failed: ${error.stack ?? error.message}\n`);
      process.exit(1);
    },
  );
}

/**
 * Admin commands connect as the database owner (the DATABASE_URL that runs migrations), not as
 * the RLS-bound application role: they act across tenants on purpose. Without DATABASE_URL,
 * the embedded PostgreSQL is started for the command.
 */
export async function connectAdminDatabase(
  config: AppConfig,
): Promise<{ db: Client; close: () => Promise<undefined> }> {
  let databaseUrl = config.databaseUrl;
  let stop = async () => undefined;
  if (!databaseUrl) {
    const embedded = await openEmbeddedDatabase(config.dataDir);
    databaseUrl = embedded.url;
    stop = embedded.stop;
  }
  const db = new Client({ connectionString: databaseUrl });
  await db.connect().catch(async (error: Error) => {
    await stop();
    throw new Stop(`Could not connect to the database (${error.message}); check DATABASE_URL.`);
  });
  return {
    db,
    close: async () => {
      await db.end().catch(() => undefined);
      return stop();
    },
  };
}

/**
 * Without DATABASE_URL the app runs an embedded PostgreSQL in DATA_DIR. Its data directory can
 * serve one server at a time, so this only works while Navaia is stopped.
 */
async function openEmbeddedDatabase(dataDir: string) {
  const databaseDir = join(dataDir, 'pg');
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    throw new Stop(
      'No DATABASE_URL and no embedded database yet: start Navaia once (npm start) so it creates its database, stop it, and run this again — or set DATABASE_URL.',
    );
  }
  if (postmasterRunning(databaseDir)) {
    throw new Stop(
      `The embedded PostgreSQL in ${databaseDir} is in use (is Navaia running?): stop Navaia, run this again, then start it — or set DATABASE_URL.`,
    );
  }
  const embedded = await startEmbeddedPostgres(dataDir).catch((error: Error) => {
    throw new Stop(`Could not start the embedded PostgreSQL (${error.message}); set DATABASE_URL.`);
  });
  return { url: embedded.url, stop: async () => void (await embedded.stop()) };
}

function postmasterRunning(databaseDir: string): boolean {
  const pidFile = join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but owned by another user (the postgres system user when run as root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Runs `work` in one transaction on the admin connection: committed, or rolled back on error. */
export async function inTransaction<T>(db: Client, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const result = await work();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
}

/** An audit row whose actor is the system (a command run by someone with database access). */
export async function auditAsSystem(
  db: Client,
  entry: {
    tenantId: string;
    action: string;
    entityType: string;
    entityId: string;
    before: unknown;
    after: unknown;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (tenant_id, actor_type, action, entity_type, entity_id, before, after)
     VALUES ($1, 'system', $2, $3, $4, $5, $6)`,
    [entry.tenantId, entry.action, entry.entityType, entry.entityId, entry.before, entry.after],
  );
}

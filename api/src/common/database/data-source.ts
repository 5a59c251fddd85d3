import { DataSource, DataSourceOptions } from 'typeorm';
import { join } from 'node:path';
import { APP_DB_ROLE } from './app-role';
import { entities } from './entities';
import { SnakeNamingStrategy } from './naming.strategy';

/** Options for runtime connections: every pooled connection acts as the RLS-bound app role. */
export function runtimeDataSourceOptions(url: string, poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    logging: false,
    extra: {
      // A startup parameter, so the role is in force before the first query on a connection.
      options: `-c role=${APP_DB_ROLE}`,
      max: poolSize,
      connectionTimeoutMillis: 5_000,
    },
  };
}

/**
 * The migrations folder at the repository root, seen from this file in the source tree
 * (ts, tests) and in the build (js). Only `<unix-ms>-<Name>` files are migrations.
 */
const MIGRATIONS = join(__dirname, '../../../../migrations/[0-9]*-*.{ts,js}');

const MIGRATION_LOCK = 7_482_001; // any constant; serialises migrations across processes

/** Applies pending migrations as the connecting (owner) user; safe to call from many processes. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource({
    type: 'postgres',
    url,
    migrations: [MIGRATIONS],
    migrationsTableName: 'migrations',
  });
  await ds.initialize();
  try {
    await ds.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      const applied = await ds.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await ds.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    await ds.destroy();
  }
}

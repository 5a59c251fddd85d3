import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { join } from 'node:path';
import { runMigrations } from '../src/common/database/data-source';
import { ADMIN_DATABASE_URL, databaseUrl } from './support/env';

describe('migrations', () => {
  const name = `navaia_migrations_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_DATABASE_URL });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('apply from empty, revert completely with their down, and apply again', async () => {
    const url = databaseUrl(name);
    const applied = await runMigrations(url);
    expect(applied.length).toBeGreaterThan(1);
    expect(applied.every((m) => /^[A-Z][A-Za-z]+\d{13}$/.test(m))).toBe(true);

    const ds = new DataSource({
      type: 'postgres',
      url,
      migrations: [join(__dirname, '../../migrations/[0-9]*-*.ts')],
    });
    await ds.initialize();
    try {
      for (let i = 0; i < applied.length; i++) await ds.undoLastMigration({ transaction: 'each' });
      const tables = await ds.query(
        `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'`,
      );
      expect(tables).toEqual([]);
    } finally {
      await ds.destroy();
    }
    expect(await runMigrations(url)).toEqual(applied);
  });

  it('are named <unix-ms>-<PascalCaseVerbNoun>.ts', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(join(__dirname, '../../migrations')).filter((f) => /^\d/.test(f));
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) expect(file).toMatch(/^\d{13}-[A-Z][a-z]+(?:[A-Z][a-z]+)+\.ts$/);
  });

  it('refuse to give provider identifiers owners while several tenants share one, naming them', async () => {
    const url = databaseUrl(`${name}_claims`);
    await admin.query(`CREATE DATABASE ${name}_claims`);
    const ds = new DataSource({
      type: 'postgres',
      url,
      migrations: [join(__dirname, '../../migrations/[0-9]*-*.ts')],
    });
    try {
      await runMigrations(url);
      await ds.initialize();
      const applied = async () =>
        (await ds.query(`SELECT name FROM migrations`)).map((r: { name: string }) => r.name);
      while ((await applied()).some((n: string) => n.startsWith('CreateTenantProviderIds')))
        await ds.undoLastMigration({ transaction: 'each' });
      const tenant = (voice: object) =>
        ds.query(
          `INSERT INTO tenants (id, name, timezone, default_country, calling_window, limits, voice, telephony)
           VALUES (uuid_generate_v7(), 'T', 'UTC', 'US', '{}', '{}', $1, '{}') RETURNING id`,
          [voice],
        );
      const [[a], [b]] = [
        await tenant({ agents: { support: 'agent_twice' } }),
        await tenant({ agents: { sales: 'agent_twice' } }),
      ];
      await expect(ds.runMigrations({ transaction: 'each' })).rejects.toThrow(
        /shared by several tenants.*agent agent_twice/,
      );
      const owners = [a.id, b.id].sort().join(', ');
      await expect(ds.runMigrations({ transaction: 'each' })).rejects.toThrow(owners);

      await ds.query(`UPDATE tenants SET voice = '{"agents": {}}' WHERE id = $1`, [b.id]);
      await ds.runMigrations({ transaction: 'each' });
      expect(await ds.query(`SELECT tenant_id, kind, value FROM tenant_provider_ids`)).toEqual([
        { tenant_id: a.id, kind: 'agent', value: 'agent_twice' },
      ]);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name}_claims WITH (FORCE)`);
    }
  });
});

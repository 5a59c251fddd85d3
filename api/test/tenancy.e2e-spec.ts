import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp, queryAsOwner, queryAsTenant, registerTenant } from './support/app';
import { seedTenant } from './support/seeds';

/** Every table under row-level security. */
/** Tables under row-level security; `readable`: only those the app role may read at all. */
const rlsTables = async (readable = false) =>
  (
    await queryAsOwner<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relrowsecurity
          AND (NOT $1 OR has_table_privilege('navaia_app', c.oid, 'SELECT')) ORDER BY 1`,
      [readable],
    )
  ).map((r) => r.table);

describe('row-level security', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
  });
  afterAll(() => app.close());

  it('runs runtime connections as the app role, which neither owns tables nor bypasses RLS', async () => {
    const [role] = await ds.query(
      `SELECT current_user AS name, r.rolsuper, r.rolbypassrls
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(role).toEqual({ name: 'navaia_app', rolsuper: false, rolbypassrls: false });
    const owned = await ds.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE tableowner = current_user`,
    );
    expect(owned).toEqual([{ n: 0 }]);
  });

  it('puts every table with a tenant_id under row-level security', async () => {
    const unprotected = await queryAsOwner<{ table: string }>(
      `SELECT c.relname AS table
         FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relrowsecurity
          AND EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
    );
    expect(unprotected).toEqual([]);
    expect((await rlsTables()).length).toBeGreaterThan(10);
  });

  it('a query that forgets its tenant filter returns nothing without a tenant context, on every table', async () => {
    await seedTenant(app);
    // Write-only tables (the outbox) cannot be read by the app role at all.
    for (const table of await rlsTables(true)) {
      const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, rows: n }).toEqual({ table, rows: 0 });
    }
  });

  it('a query that forgets its tenant filter sees only the current tenant’s rows, on every table', async () => {
    const a = await seedTenant(app);
    const b = await seedTenant(app);
    for (const table of await rlsTables(true)) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const [own] = await queryAsOwner<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`,
        [b.tenant.tenant.id],
      );
      const seen = await queryAsTenant<{ tenant: string; n: number }>(
        app,
        b.tenant.tenant.id,
        `SELECT ${column} AS tenant, count(*)::int AS n FROM ${table} GROUP BY 1`,
      );
      const expected = own.n ? [{ tenant: b.tenant.tenant.id, n: own.n }] : [];
      expect({ table, seen }).toEqual({ table, seen: expected });
      expect(a.tenant.tenant.id).not.toBe(b.tenant.tenant.id);
    }
  });

  it('refuses to write a row for another tenant', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    await expect(
      queryAsTenant(
        app,
        a.tenant.id,
        `UPDATE users SET name = 'x' WHERE tenant_id = $1 RETURNING id`,
        [b.tenant.id],
      ),
    ).resolves.toEqual([[], 0]); // TypeORM answers UPDATE with [rows, affected]
    await expect(
      queryAsTenant(
        app,
        a.tenant.id,
        `INSERT INTO audit_log (tenant_id, actor_type, action, entity_type, entity_id) VALUES ($1, 'system', 'create', 'x', 'y')`,
        [b.tenant.id],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('keeps the audit log append-only for the application', async () => {
    const a = await registerTenant(app);
    await expect(queryAsTenant(app, a.tenant.id, 'DELETE FROM audit_log')).rejects.toThrow(
      /permission denied/,
    );
  });
});

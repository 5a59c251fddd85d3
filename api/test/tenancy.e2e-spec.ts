import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp, queryAsTenant, registerTenant } from './support/app';

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

  it('a query that forgets its tenant filter returns nothing without a tenant context', async () => {
    await registerTenant(app);
    for (const table of [
      'tenants',
      'users',
      'refresh_tokens',
      'audit_log',
      'api_keys',
      'idempotency_keys',
    ]) {
      expect({ table, rows: await ds.query(`SELECT * FROM ${table}`) }).toEqual({
        table,
        rows: [],
      });
    }
  });

  it('a query that forgets its tenant filter sees only the current tenant', async () => {
    const a = await registerTenant(app);
    const b = await registerTenant(app);
    const users = await queryAsTenant<{ tenant_id: string }>(
      app,
      a.tenant.id,
      'SELECT tenant_id FROM users',
    );
    expect(users.map((u) => u.tenant_id)).toEqual([a.tenant.id]);
    const tenants = await queryAsTenant<{ id: string }>(app, b.tenant.id, 'SELECT id FROM tenants');
    expect(tenants.map((t) => t.id)).toEqual([b.tenant.id]);
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

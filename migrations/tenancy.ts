import { QueryRunner } from 'typeorm';

/**
 * Row-level security for a tenant-owned table: rows are visible and writable only when
 * their tenant_id equals the transaction's app.tenant_id. Grants the app role the given
 * privileges and nothing else.
 */
export async function enableTenantRls(
  q: QueryRunner,
  table: string,
  privileges: string[] = ['SELECT', 'INSERT', 'UPDATE', 'DELETE'],
): Promise<void> {
  await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await q.query(`
    CREATE POLICY tenant_isolation ON ${table}
      USING (tenant_id = app_current_tenant())
      WITH CHECK (tenant_id = app_current_tenant())`);
  await q.query(`GRANT ${privileges.join(', ')} ON ${table} TO navaia_app`);
}

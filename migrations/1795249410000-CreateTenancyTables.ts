import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

export class CreateTenancyTables1795249410000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tenants (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        timezone text NOT NULL DEFAULT 'UTC',
        default_country text NOT NULL DEFAULT 'US' CHECK (default_country ~ '^[A-Z]{2}$'),
        calling_window jsonb NOT NULL,
        limits jsonb NOT NULL,
        voice jsonb NOT NULL DEFAULT '{"agents": {}}',
        telephony jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // A tenant sees only its own row; registration sets app.tenant_id to the new id first.
    await q.query(`ALTER TABLE tenants ENABLE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY tenant_isolation ON tenants
        USING (id = app_current_tenant()) WITH CHECK (id = app_current_tenant())`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON tenants TO navaia_app`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        email text NOT NULL CHECK (email = lower(email)),
        role text NOT NULL CHECK (role IN ('owner', 'admin', 'agent', 'viewer')),
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT false,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Login is by email alone, so an address belongs to one account across all tenants.
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_tenant_id_idx ON users (tenant_id, id)`);
    await enableTenantRls(q, 'users');

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_reason text CHECK (revoked_reason IN ('rotated', 'logout', 'reuse', 'password_changed', 'user_removed')),
        replaced_by_id uuid,
        user_agent text,
        ip text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (tenant_id, family_id)`,
    );
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (tenant_id, user_id)`);
    await q.query(
      `CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (tenant_id, expires_at)`,
    );
    await enableTenantRls(q, 'refresh_tokens');

    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        prefix text NOT NULL,
        key_hash text NOT NULL,
        scopes text[] NOT NULL DEFAULT '{*}',
        created_by_id uuid REFERENCES users(id) ON DELETE SET NULL,
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz,
        rotated_to_id uuid,
        grace_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX api_keys_prefix_key ON api_keys (prefix)`);
    await q.query(`CREATE INDEX api_keys_tenant_idx ON api_keys (tenant_id, id)`);
    await enableTenantRls(q, 'api_keys');

    await q.query(`
      CREATE TABLE audit_log (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
        actor_id uuid,
        action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'login', 'password_change')),
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX audit_log_tenant_time_idx ON audit_log (tenant_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity_type, entity_id)`,
    );
    // Append-only for the application: no UPDATE or DELETE grant.
    await enableTenantRls(q, 'audit_log', ['SELECT', 'INSERT']);

    await q.query(`
      CREATE TABLE idempotency_keys (
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        status_code integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, key)
      )`);
    await q.query(
      `CREATE INDEX idempotency_keys_expires_idx ON idempotency_keys (tenant_id, expires_at)`,
    );
    await enableTenantRls(q, 'idempotency_keys');

    // Pre-authentication lookups cross tenants by nature (the tenant is not known yet).
    // These narrow SECURITY DEFINER functions are the only way the app role reads across
    // tenants; each returns just what its caller needs.
    await q.query(`
      CREATE FUNCTION auth_find_user_by_email(p_email text)
      RETURNS TABLE (id uuid, tenant_id uuid, password_hash text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.id, u.tenant_id, u.password_hash FROM users u WHERE u.email = lower(p_email)
      $$`);
    await q.query(`
      CREATE FUNCTION auth_find_refresh_token(p_id uuid)
      RETURNS TABLE (id uuid, tenant_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT t.id, t.tenant_id FROM refresh_tokens t WHERE t.id = p_id
      $$`);
    await q.query(`
      CREATE FUNCTION app_tenant_ids() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT id FROM tenants ORDER BY id
      $$`);
    for (const fn of [
      'auth_find_user_by_email(text)',
      'auth_find_refresh_token(uuid)',
      'app_tenant_ids()',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO navaia_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION app_tenant_ids()`);
    await q.query(`DROP FUNCTION auth_find_refresh_token(uuid)`);
    await q.query(`DROP FUNCTION auth_find_user_by_email(text)`);
    for (const table of [
      'idempotency_keys',
      'audit_log',
      'api_keys',
      'refresh_tokens',
      'users',
      'tenants',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}

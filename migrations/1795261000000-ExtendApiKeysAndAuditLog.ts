import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_ACTIONS = `'create', 'update', 'delete', 'login', 'password_change'`;
const NEW_ACTIONS = `${OLD_ACTIONS}, 'rotate', 'revoke', 'api_request'`;

/**
 * API keys authenticate: a pre-authentication lookup function, tenant-bound references
 * between keys and to their creator, and audit actions for key rotation, revocation and
 * every writing request made with a key.
 */
export class ExtendApiKeysAndAuditLog1795261000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE api_keys ADD CONSTRAINT api_keys_tenant_id_id_key UNIQUE (tenant_id, id)`,
    );
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_created_by_id_fkey`);
    await q.query(`
      ALTER TABLE api_keys
        ADD CONSTRAINT api_keys_created_by_fkey FOREIGN KEY (tenant_id, created_by_id)
          REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by_id),
        ADD CONSTRAINT api_keys_rotated_to_fkey FOREIGN KEY (tenant_id, rotated_to_id)
          REFERENCES api_keys (tenant_id, id) ON DELETE SET NULL (rotated_to_id)`);

    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check`);
    await q.query(
      `ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (${NEW_ACTIONS}))`,
    );
    // The log pages by id (UUIDv7, so newest first), per tenant and optionally per actor.
    await q.query(`CREATE INDEX audit_log_tenant_id_idx ON audit_log (tenant_id, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (tenant_id, actor_id, id DESC)`);

    // The key names its tenant only once it is found, so this runs before any tenant context,
    // like login by email. It answers only for a key that matches its hash and still works,
    // and returns just what a principal needs. last_used_at moves at most once a minute, so
    // busy keys do not write a row version per request.
    await q.query(`
      CREATE FUNCTION auth_use_api_key(p_prefix text, p_key_hash text)
      RETURNS TABLE (id uuid, tenant_id uuid, scopes text[])
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        k record;
      BEGIN
        SELECT a.id, a.tenant_id, a.scopes, a.last_used_at INTO k
          FROM api_keys a
         WHERE a.prefix = p_prefix
           AND a.key_hash = p_key_hash
           AND a.revoked_at IS NULL
           AND (a.expires_at IS NULL OR a.expires_at > now())
           AND (a.grace_until IS NULL OR a.grace_until > now());
        IF NOT FOUND THEN
          RETURN;
        END IF;
        IF k.last_used_at IS NULL OR k.last_used_at < now() - interval '1 minute' THEN
          UPDATE api_keys a SET last_used_at = now()
           WHERE a.id = k.id
             AND (a.last_used_at IS NULL OR a.last_used_at < now() - interval '1 minute');
        END IF;
        id := k.id;
        tenant_id := k.tenant_id;
        scopes := k.scopes;
        RETURN NEXT;
      END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_use_api_key(text, text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_use_api_key(text, text) TO navaia_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_use_api_key(text, text)`);
    await q.query(`DROP INDEX audit_log_actor_idx`);
    await q.query(`DROP INDEX audit_log_tenant_id_idx`);
    // Rows of the new actions cannot satisfy the old constraint.
    await q.query(`DELETE FROM audit_log WHERE action NOT IN (${OLD_ACTIONS})`);
    await q.query(`ALTER TABLE audit_log DROP CONSTRAINT audit_log_action_check`);
    await q.query(
      `ALTER TABLE audit_log ADD CONSTRAINT audit_log_action_check CHECK (action IN (${OLD_ACTIONS}))`,
    );
    await q.query(`
      ALTER TABLE api_keys
        DROP CONSTRAINT api_keys_rotated_to_fkey,
        DROP CONSTRAINT api_keys_created_by_fkey`);
    await q.query(`
      ALTER TABLE api_keys ADD CONSTRAINT api_keys_created_by_id_fkey FOREIGN KEY (created_by_id)
        REFERENCES users (id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE api_keys DROP CONSTRAINT api_keys_tenant_id_id_key`);
  }
}

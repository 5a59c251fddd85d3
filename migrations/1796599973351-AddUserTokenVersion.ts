import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access tokens carry the user's token version; raising it ends every token signed before
 * (logout, password change, role change, a reused refresh token). The API caches the version
 * in Redis and reads it here, before any tenant is known, when the cache has none.
 */
export class AddUserTokenVersion1796599973351 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 1`);
    await q.query(`
      CREATE FUNCTION auth_token_version(p_user_id uuid) RETURNS integer
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT u.token_version FROM users u WHERE u.id = p_user_id
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_token_version(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_token_version(uuid) TO navaia_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_token_version(uuid)`);
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}

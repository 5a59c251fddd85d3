import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform operators (who see and reprocess webhook events that belong to no tenant) are
 * granted one by one with `npm run operator`, never derived from an email address someone
 * could register. A grant belongs to the user, so it ends with the user. Not a tenant table:
 * the application only asks, through a function, whether a user is an operator.
 */
export class CreatePlatformOperators1796599973352 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE platform_operators (
        user_id uuid PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION auth_is_platform_operator(p_user_id uuid) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM platform_operators o WHERE o.user_id = p_user_id)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION auth_is_platform_operator(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION auth_is_platform_operator(uuid) TO navaia_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION auth_is_platform_operator(uuid)`);
    await q.query(`DROP TABLE platform_operators`);
  }
}

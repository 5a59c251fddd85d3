import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role runtime connections switch to. It owns nothing and cannot bypass row-level
 * security. Roles are cluster-wide, so several databases (tests) share it.
 */
export class CreateAppRole1795249400000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'navaia_app') THEN
          CREATE ROLE navaia_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
        END IF;
      END $$`);
    // The connecting user must be a member to assume the role (superusers always may).
    await q.query(`GRANT navaia_app TO CURRENT_USER`);
    await q.query(`GRANT USAGE ON SCHEMA public TO navaia_app`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE FUNCTION uuid_generate_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(
          set_bit(set_bit(
            overlay(uuid_send(gen_random_uuid())
              placing substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
              FROM 1 FOR 6),
          52, 1), 53, 1), 'hex')::uuid
      $$`);
    // The tenant of the current transaction, or NULL when none is set: policies then match nothing.
    await q.query(`
      CREATE FUNCTION app_current_tenant() RETURNS uuid LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('app.tenant_id', true), '')::uuid
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS app_current_tenant()`);
    await q.query(`DROP FUNCTION IF EXISTS uuid_generate_v7()`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM navaia_app`);
    // Other databases of the cluster may still use the role; drop it only when nothing does.
    await q.query(`
      DO $$ BEGIN
        DROP ROLE navaia_app;
      EXCEPTION WHEN dependent_objects_still_exist OR object_in_use THEN
        RAISE NOTICE 'navaia_app is still used elsewhere; kept';
      END $$`);
  }
}

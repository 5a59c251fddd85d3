import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

export class CreateOutgoingWebhookTables1795262000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE webhook_endpoints (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz,
        -- Kept as issued: signing needs the secret itself, not a hash of it.
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        consecutive_failures integer NOT NULL DEFAULT 0,
        failing_since timestamptz,
        last_success_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX webhook_endpoints_list_idx ON webhook_endpoints (tenant_id, id DESC)`,
    );
    await enableTenantRls(q, 'webhook_endpoints');

    // The outbox: one row per event and subscribed endpoint, written in the transaction of
    // the change, and the delivery log at the same time.
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        endpoint_id uuid NOT NULL,
        event_type text NOT NULL,
        webhook_id text NOT NULL,
        -- The exact bytes sent and signed, identical on every attempt.
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        max_attempts integer NOT NULL CHECK (max_attempts > 0),
        next_attempt_at timestamptz,
        last_attempt_at timestamptz,
        last_status_code integer,
        last_error text,
        response_snippet text,
        delivered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoints (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_endpoint_idx ON webhook_deliveries (tenant_id, endpoint_id, id DESC)`,
    );
    // The relay scans due deliveries of all tenants at once, so this index is not tenant-first.
    await q.query(
      `CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (updated_at) WHERE status <> 'pending'`,
    );
    await enableTenantRls(q, 'webhook_deliveries');

    // The relay and the retention purge work across tenants; these are their only ways past RLS.
    const definer = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp`;
    await q.query(`
      CREATE FUNCTION webhook_deliveries_claim(p_limit integer, p_lease_seconds integer)
      RETURNS TABLE (id uuid, tenant_id uuid, attempts integer) ${definer} AS $$
      BEGIN
        -- A claim pushes next_attempt_at out by the lease: a job that is lost is claimed again
        -- once the lease ends, and two relays never claim the same row at once.
        RETURN QUERY UPDATE webhook_deliveries d
          SET next_attempt_at = now() + make_interval(secs => p_lease_seconds)
          FROM (
            SELECT d2.id FROM webhook_deliveries d2
              JOIN webhook_endpoints e ON e.tenant_id = d2.tenant_id AND e.id = d2.endpoint_id
             WHERE d2.status = 'pending' AND d2.next_attempt_at <= now() AND e.enabled
             ORDER BY d2.next_attempt_at
             LIMIT p_limit
             FOR UPDATE OF d2 SKIP LOCKED
          ) due
          WHERE d.id = due.id
          RETURNING d.id, d.tenant_id, d.attempts;
      END $$`);
    await q.query(`
      CREATE FUNCTION webhook_deliveries_purge(p_before timestamptz) RETURNS integer ${definer} AS $$
      DECLARE purged integer;
      BEGIN
        DELETE FROM webhook_deliveries WHERE status <> 'pending' AND updated_at < p_before;
        GET DIAGNOSTICS purged = ROW_COUNT;
        RETURN purged;
      END $$`);
    for (const fn of [
      'webhook_deliveries_claim(integer, integer)',
      'webhook_deliveries_purge(timestamptz)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO navaia_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION webhook_deliveries_purge(timestamptz)`);
    await q.query(`DROP FUNCTION webhook_deliveries_claim(integer, integer)`);
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}

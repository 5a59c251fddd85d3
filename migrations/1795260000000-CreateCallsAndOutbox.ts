import { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRls } from './tenancy';

const CALL_STATUSES = `'queued', 'initiated', 'ringing', 'in_progress', 'completed', 'busy', 'no_answer', 'failed', 'canceled'`;
const DEFINER = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp`;
const FUNCTIONS = ['call_tenant(uuid)', 'call_sid_tenant(text)', 'outbox_take(integer)'];

/**
 * Phone calls, their status timeline and dial attempts, and a transactional outbox.
 *
 * A call row and its outbox entry commit together; a relay moves outbox entries into the
 * queue, so a crash between commit and enqueue loses nothing and a rolled-back call never
 * gets a job. A call has at most one dial attempt (unique), written before the provider is
 * asked: a retried job that finds it never dials again.
 */
export class CreateCallsAndOutbox1795260000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE calls (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        customer_id uuid,
        campaign_id uuid,
        direction text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound')),
        purpose text NOT NULL CHECK (purpose IN ('support', 'sales')),
        status text NOT NULL DEFAULT 'queued' CHECK (status IN (${CALL_STATUSES})),
        provider text NOT NULL CHECK (provider IN ('twilio', 'elevenlabs', 'simulator')),
        from_number text,
        to_number text NOT NULL,
        provider_call_sid text,
        conversation_id text,
        voice_session_id uuid,
        queued_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        answered_at timestamptz,
        ended_at timestamptz,
        duration_sec integer CHECK (duration_sec >= 0),
        answered_by text,
        failure_reason text,
        requested_by_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, id),
        FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE SET NULL (customer_id)
      )`);
    // Provider call SIDs are global: status callbacks find their call (and tenant) by it.
    await q.query(
      `CREATE UNIQUE INDEX calls_provider_sid_key ON calls (provider_call_sid) WHERE provider_call_sid IS NOT NULL`,
    );
    await q.query(`CREATE INDEX calls_list_idx ON calls (tenant_id, id DESC)`);
    await q.query(`CREATE INDEX calls_customer_idx ON calls (tenant_id, customer_id, id DESC)`);
    await q.query(
      `CREATE INDEX calls_campaign_idx ON calls (tenant_id, campaign_id, id DESC) WHERE campaign_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX calls_day_idx ON calls (tenant_id, queued_at)`);
    await q.query(
      `CREATE INDEX calls_active_idx ON calls (tenant_id, updated_at) WHERE status IN ('queued', 'initiated', 'ringing', 'in_progress')`,
    );
    await enableTenantRls(q, 'calls');

    await q.query(`
      CREATE TABLE call_events (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        call_id uuid NOT NULL,
        status text CHECK (status IN (${CALL_STATUSES})),
        source text NOT NULL CHECK (source IN ('api', 'dialer', 'twilio', 'elevenlabs', 'simulator', 'reconciler')),
        sequence_number integer,
        detail text,
        applied boolean NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX call_events_call_idx ON call_events (tenant_id, call_id, id)`);
    await enableTenantRls(q, 'call_events', ['SELECT', 'INSERT', 'DELETE']);

    await q.query(`
      CREATE TABLE call_attempts (
        id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        call_id uuid NOT NULL,
        provider text NOT NULL,
        -- sending: the provider may have been asked; sent / refused: it answered.
        state text NOT NULL DEFAULT 'sending' CHECK (state IN ('sending', 'sent', 'refused')),
        provider_call_sid text,
        error text,
        requested_at timestamptz NOT NULL DEFAULT now(),
        answered_at timestamptz,
        UNIQUE (call_id),
        FOREIGN KEY (tenant_id, call_id) REFERENCES calls (tenant_id, id) ON DELETE CASCADE
      )`);
    await enableTenantRls(q, 'call_attempts', ['SELECT', 'INSERT', 'UPDATE']);

    await q.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Tenants only add entries; the relay takes them through outbox_take.
    await enableTenantRls(q, 'outbox', ['INSERT']);

    await q.query(`
      CREATE FUNCTION call_tenant(p_call uuid) RETURNS uuid ${DEFINER} AS $$
      BEGIN
        RETURN (SELECT tenant_id FROM calls WHERE id = p_call);
      END $$`);
    await q.query(`
      CREATE FUNCTION call_sid_tenant(p_sid text) RETURNS uuid ${DEFINER} AS $$
      BEGIN
        RETURN (SELECT tenant_id FROM calls WHERE provider_call_sid = p_sid);
      END $$`);
    // Deletes and returns the oldest entries. The caller holds the transaction open until
    // the jobs are in the queue: a crash before its commit puts the entries back.
    await q.query(`
      CREATE FUNCTION outbox_take(p_limit integer) RETURNS SETOF outbox ${DEFINER} AS $$
      BEGIN
        RETURN QUERY DELETE FROM outbox WHERE id IN (
          SELECT o.id FROM outbox o ORDER BY o.id LIMIT p_limit FOR UPDATE SKIP LOCKED
        ) RETURNING *;
      END $$`);
    for (const fn of FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO navaia_app`);
    }

    // Calls join the dashboard counters: counted by status (a machine pickup as voicemail)
    // and talk time of answered calls, in the hour the call was queued.
    await q.query(`ALTER TABLE activity_counters DROP CONSTRAINT activity_counters_metric_check`);
    await q.query(`ALTER TABLE activity_daily DROP CONSTRAINT activity_daily_metric_check`);
    for (const table of ['activity_counters', 'activity_daily']) {
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_metric_check
          CHECK (metric IN ('tickets', 'bookings', 'revenue', 'calls', 'call_seconds', 'call_bookings'))`);
    }
    const hour = `date_trunc('hour', queued_at)`;
    const key = `CASE WHEN status = 'completed' AND answered_by ~ '^(machine|fax)' THEN 'voicemail' ELSE status END`;
    const rows = (source: string, sign: string) => [
      `SELECT tenant_id, 'calls', ${hour}, ${key}, ${sign}1::bigint FROM ${source}`,
      `SELECT tenant_id, 'call_seconds', ${hour}, 'answered', ${sign}coalesce(duration_sec, 0)::bigint FROM ${source} WHERE ${key} = 'completed'`,
    ];
    const events = [
      { op: 'insert', parts: rows('new_rows', ''), referencing: 'NEW TABLE AS new_rows' },
      {
        op: 'update',
        parts: [...rows('old_rows', '-'), ...rows('new_rows', '')],
        referencing: 'OLD TABLE AS old_rows NEW TABLE AS new_rows',
      },
      { op: 'delete', parts: rows('old_rows', '-'), referencing: 'OLD TABLE AS old_rows' },
    ];
    for (const { op, parts, referencing } of events) {
      await q.query(`
        CREATE FUNCTION calls_activity_${op}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          INSERT INTO activity_counters (tenant_id, metric, hour, key, value)
          SELECT tenant_id, metric, hour, key, sum(delta)
            FROM (${parts.join(' UNION ALL ')}) AS d (tenant_id, metric, hour, key, delta)
           GROUP BY 1, 2, 3, 4
          HAVING sum(delta) <> 0
          ON CONFLICT (tenant_id, metric, hour, key)
            DO UPDATE SET value = activity_counters.value + EXCLUDED.value;
          INSERT INTO activity_daily (tenant_id, metric, day, key, value)
          SELECT tenant_id, metric, (hour AT TIME ZONE 'UTC')::date, key, sum(delta)
            FROM (${parts.join(' UNION ALL ')}) AS d (tenant_id, metric, hour, key, delta)
           GROUP BY 1, 2, 3, 4
          HAVING sum(delta) <> 0
          ON CONFLICT (tenant_id, metric, day, key)
            DO UPDATE SET value = activity_daily.value + EXCLUDED.value;
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER calls_activity_${op} AFTER ${op.toUpperCase()} ON calls
          REFERENCING ${referencing}
          FOR EACH STATEMENT EXECUTE FUNCTION calls_activity_${op}()`);
    }
    // Bookings that came from a phone call, for the calls → bookings conversion.
    await q.query(`
      CREATE FUNCTION bookings_from_calls_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO activity_counters (tenant_id, metric, hour, key, value)
        SELECT tenant_id, 'call_bookings', date_trunc('hour', created_at), 'created', count(*)
          FROM new_rows WHERE call_id IS NOT NULL GROUP BY 1, 3
        ON CONFLICT (tenant_id, metric, hour, key)
          DO UPDATE SET value = activity_counters.value + EXCLUDED.value;
        INSERT INTO activity_daily (tenant_id, metric, day, key, value)
        SELECT tenant_id, 'call_bookings', (created_at AT TIME ZONE 'UTC')::date, 'created', count(*)
          FROM new_rows WHERE call_id IS NOT NULL GROUP BY 1, 3
        ON CONFLICT (tenant_id, metric, day, key)
          DO UPDATE SET value = activity_daily.value + EXCLUDED.value;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER bookings_from_calls_insert AFTER INSERT ON bookings
        REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bookings_from_calls_insert()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER bookings_from_calls_insert ON bookings`);
    await q.query(`DROP FUNCTION bookings_from_calls_insert()`);
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER calls_activity_${op} ON calls`);
      await q.query(`DROP FUNCTION calls_activity_${op}()`);
    }
    for (const table of ['activity_counters', 'activity_daily']) {
      await q.query(
        `DELETE FROM ${table} WHERE metric IN ('calls', 'call_seconds', 'call_bookings')`,
      );
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_metric_check`);
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_metric_check
          CHECK (metric IN ('tickets', 'bookings', 'revenue'))`);
    }
    for (const fn of FUNCTIONS) await q.query(`DROP FUNCTION ${fn}`);
    await q.query(`DROP TABLE outbox`);
    await q.query(`DROP TABLE call_attempts`);
    await q.query(`DROP TABLE call_events`);
    await q.query(`DROP TABLE calls`);
  }
}

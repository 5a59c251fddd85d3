import { MigrationInterface, QueryRunner } from 'typeorm';

const IN_FLIGHT = `'queued', 'initiated', 'ringing', 'in_progress'`;
const OPS = ['insert', 'update', 'delete'];

/**
 * The dashboard's call counters, made cheap for calls that change many times a minute:
 * - a call stays under one key, `open`, until its final status, instead of moving at every
 *   step (queued → initiated → ringing → in progress): totals, answered and finished counts
 *   read the same, and a step changes no counter row;
 * - the counters move when the transaction commits (a deferred row trigger), not when the
 *   call row changes: a tenant's counter rows of the hour are shared by all its calls, and
 *   every status report used to hold them for the rest of its transaction, so reports of
 *   different calls queued behind each other.
 */
export class CallCountersByOutcome1795267500000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    for (const op of OPS) {
      await q.query(`DROP TRIGGER calls_activity_${op} ON calls`);
      await q.query(`DROP FUNCTION calls_activity_${op}()`);
    }
    await q.query(`
      CREATE FUNCTION calls_activity_key(status text, answered_by text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN status IN (${IN_FLIGHT}) THEN 'open'
                    WHEN status = 'completed' AND answered_by ~ '^(machine|fax)' THEN 'voicemail'
                    ELSE status END
      $$`);
    await q.query(`
      CREATE FUNCTION calls_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_key text;
        new_key text;
      BEGIN
        IF TG_OP <> 'INSERT' THEN old_key := calls_activity_key(OLD.status, OLD.answered_by); END IF;
        IF TG_OP <> 'DELETE' THEN new_key := calls_activity_key(NEW.status, NEW.answered_by); END IF;
        -- A step inside the same key with the same talk time changes nothing: no row is touched.
        IF TG_OP = 'UPDATE' AND old_key = new_key AND OLD.tenant_id = NEW.tenant_id
           AND OLD.queued_at = NEW.queued_at
           AND (new_key <> 'completed' OR coalesce(OLD.duration_sec, 0) = coalesce(NEW.duration_sec, 0))
        THEN RETURN NULL; END IF;
        WITH d (tenant_id, metric, hour, key, delta) AS (
          SELECT OLD.tenant_id, 'calls', date_trunc('hour', OLD.queued_at), old_key, -1::bigint
           WHERE old_key IS NOT NULL
          UNION ALL
          SELECT OLD.tenant_id, 'call_seconds', date_trunc('hour', OLD.queued_at), 'answered',
                 -coalesce(OLD.duration_sec, 0)::bigint
           WHERE old_key = 'completed'
          UNION ALL
          SELECT NEW.tenant_id, 'calls', date_trunc('hour', NEW.queued_at), new_key, 1::bigint
           WHERE new_key IS NOT NULL
          UNION ALL
          SELECT NEW.tenant_id, 'call_seconds', date_trunc('hour', NEW.queued_at), 'answered',
                 coalesce(NEW.duration_sec, 0)::bigint
           WHERE new_key = 'completed'
        ), sums AS (
          -- One order for every transaction, so two commits never wait on each other in a circle.
          SELECT tenant_id, metric, hour, key, sum(delta) AS delta FROM d
           GROUP BY 1, 2, 3, 4 HAVING sum(delta) <> 0
           ORDER BY 1, 2, 3, 4
        ), counters AS (
          INSERT INTO activity_counters (tenant_id, metric, hour, key, value)
          SELECT tenant_id, metric, hour, key, delta FROM sums
          ON CONFLICT (tenant_id, metric, hour, key)
            DO UPDATE SET value = activity_counters.value + EXCLUDED.value
        )
        INSERT INTO activity_daily (tenant_id, metric, day, key, value)
        SELECT tenant_id, metric, (hour AT TIME ZONE 'UTC')::date, key, sum(delta) FROM sums
         GROUP BY 1, 2, 3, 4
         ORDER BY 1, 2, 3, 4
        ON CONFLICT (tenant_id, metric, day, key)
          DO UPDATE SET value = activity_daily.value + EXCLUDED.value;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER calls_activity AFTER INSERT OR UPDATE OR DELETE ON calls
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION calls_activity()`);
    for (const [table, bucket] of COUNTER_TABLES) {
      await q.query(`
        INSERT INTO ${table} (tenant_id, metric, ${bucket}, key, value)
        SELECT tenant_id, metric, ${bucket}, 'open', sum(value) FROM ${table}
         WHERE metric = 'calls' AND key IN (${IN_FLIGHT})
         GROUP BY 1, 2, 3
        ON CONFLICT (tenant_id, metric, ${bucket}, key)
          DO UPDATE SET value = ${table}.value + EXCLUDED.value`);
      await q.query(`DELETE FROM ${table} WHERE metric = 'calls' AND key IN (${IN_FLIGHT})`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER calls_activity ON calls`);
    await q.query(`DROP FUNCTION calls_activity()`);
    await q.query(`DROP FUNCTION calls_activity_key(text, text)`);
    // The statement triggers as they were.
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
    // `open` splits back into the statuses the calls have now.
    for (const [table, bucket] of COUNTER_TABLES) {
      await q.query(`DELETE FROM ${table} WHERE metric = 'calls' AND key = 'open'`);
      const at =
        bucket === 'hour'
          ? `date_trunc('hour', queued_at)`
          : `(date_trunc('hour', queued_at) AT TIME ZONE 'UTC')::date`;
      await q.query(`
        INSERT INTO ${table} (tenant_id, metric, ${bucket}, key, value)
        SELECT tenant_id, 'calls', ${at}, status, count(*) FROM calls
         WHERE status IN (${IN_FLIGHT})
         GROUP BY 1, 3, 4
        ON CONFLICT (tenant_id, metric, ${bucket}, key)
          DO UPDATE SET value = ${table}.value + EXCLUDED.value`);
    }
  }
}

const COUNTER_TABLES = [
  ['activity_counters', 'hour'],
  ['activity_daily', 'day'],
] as const;

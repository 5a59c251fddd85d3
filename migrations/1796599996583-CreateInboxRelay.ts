import { MigrationInterface, QueryRunner } from 'typeorm';

const DEFINER = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp`;
const ACCEPT = 'webhook_inbox_accept(text, text, text, jsonb)';
const TAKE = 'webhook_inbox_relay_take(uuid, integer, integer, integer)';
const PENDING = 'webhook_inbox_pending(text, uuid, integer)';

/**
 * A relay for the inbox, like the calls' outbox: events still waiting to be processed are
 * queued again, whatever happened to their first job (an enqueue refused while Redis was
 * away, a job lost with Redis' data). `relayed_at` is when the relay last queued an event,
 * so one event is not queued again on every pass. A repeated delivery tells the intake
 * whether the stored event is still waiting (`pending`), so that it can queue it again. The
 * relay replaces webhook_inbox_pending, which served only the recovery after Redis lost its
 * data; waiting events are indexed by id alone, the order the relay reads them in.
 */
export class CreateInboxRelay1796599996583 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE webhook_events ADD COLUMN relayed_at timestamptz`);
    await q.query(`DROP FUNCTION ${PENDING}`);
    await q.query(`DROP INDEX webhook_events_pending_idx`);
    await q.query(
      `CREATE INDEX webhook_events_waiting_idx ON webhook_events (id) WHERE status = 'received'`,
    );
    await q.query(`DROP FUNCTION ${ACCEPT}`);
    await q.query(`
      CREATE FUNCTION webhook_inbox_accept(p_provider text, p_type text, p_external_id text, p_payload jsonb)
      RETURNS TABLE (id uuid, created boolean, pending boolean) ${DEFINER} AS $$
      BEGIN
        RETURN QUERY INSERT INTO webhook_events AS e (provider, type, external_id, payload)
          VALUES (p_provider, p_type, p_external_id, p_payload)
          ON CONFLICT (provider, type, external_id) DO NOTHING
          RETURNING e.id, true, true;
        IF NOT FOUND THEN
          RETURN QUERY SELECT e.id, false, e.status = 'received' FROM webhook_events e
            WHERE e.provider = p_provider AND e.type = p_type AND e.external_id = p_external_id;
        END IF;
      END $$`);
    // Claims waiting events received at least p_age_ms ago and not queued by the relay in the
    // last p_lease_ms; rows locked by a job processing them (or by another relay) are skipped.
    // The caller commits only once the queue took the jobs: a failure leaves them due.
    await q.query(`
      CREATE FUNCTION webhook_inbox_relay_take(p_after uuid, p_limit integer, p_age_ms integer, p_lease_ms integer)
      RETURNS TABLE (id uuid, provider text) ${DEFINER} AS $$
      BEGIN
        RETURN QUERY UPDATE webhook_events e SET relayed_at = now()
          FROM (SELECT w.id FROM webhook_events w
                 WHERE w.status = 'received' AND (p_after IS NULL OR w.id > p_after)
                   AND w.received_at <= now() - make_interval(secs => p_age_ms / 1000.0)
                   AND (w.relayed_at IS NULL
                        OR w.relayed_at <= now() - make_interval(secs => p_lease_ms / 1000.0))
                 ORDER BY w.id LIMIT p_limit FOR UPDATE SKIP LOCKED) due
          WHERE e.id = due.id
          RETURNING e.id, e.provider;
      END $$`);
    for (const fn of [ACCEPT, TAKE]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO navaia_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION ${TAKE}`);
    await q.query(`DROP FUNCTION ${ACCEPT}`);
    await q.query(`
      CREATE FUNCTION webhook_inbox_accept(p_provider text, p_type text, p_external_id text, p_payload jsonb)
      RETURNS TABLE (id uuid, created boolean) ${DEFINER} AS $$
      BEGIN
        RETURN QUERY INSERT INTO webhook_events AS e (provider, type, external_id, payload)
          VALUES (p_provider, p_type, p_external_id, p_payload)
          ON CONFLICT (provider, type, external_id) DO NOTHING
          RETURNING e.id, true;
        IF NOT FOUND THEN
          RETURN QUERY SELECT e.id, false FROM webhook_events e
            WHERE e.provider = p_provider AND e.type = p_type AND e.external_id = p_external_id;
        END IF;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${ACCEPT} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${ACCEPT} TO navaia_app`);
    await q.query(`DROP INDEX webhook_events_waiting_idx`);
    await q.query(
      `CREATE INDEX webhook_events_pending_idx ON webhook_events (provider, id) WHERE status = 'received'`,
    );
    await q.query(`
      CREATE FUNCTION webhook_inbox_pending(p_provider text, p_after uuid, p_limit integer)
      RETURNS TABLE (id uuid) ${DEFINER} AS $$
      BEGIN
        RETURN QUERY SELECT e.id FROM webhook_events e
          WHERE e.status = 'received' AND e.provider = p_provider
            AND (p_after IS NULL OR e.id > p_after)
          ORDER BY e.id LIMIT p_limit;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION ${PENDING} FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION ${PENDING} TO navaia_app`);
    await q.query(`ALTER TABLE webhook_events DROP COLUMN relayed_at`);
  }
}

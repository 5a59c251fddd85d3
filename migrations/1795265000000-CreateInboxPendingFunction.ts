import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboxPendingFunction1795265000000 implements MigrationInterface {
  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX webhook_events_pending_idx ON webhook_events (provider, id) WHERE status = 'received'`,
    );
    // Events still waiting to be processed, of any tenant or none: their queue jobs are put
    // back after Redis lost its data. Only their ids leave the function.
    await q.query(`
      CREATE FUNCTION webhook_inbox_pending(p_provider text, p_after uuid, p_limit integer)
      RETURNS TABLE (id uuid) LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        RETURN QUERY SELECT e.id FROM webhook_events e
          WHERE e.status = 'received' AND e.provider = p_provider
            AND (p_after IS NULL OR e.id > p_after)
          ORDER BY e.id LIMIT p_limit;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION webhook_inbox_pending(text, uuid, integer) FROM PUBLIC`);
    await q.query(
      `GRANT EXECUTE ON FUNCTION webhook_inbox_pending(text, uuid, integer) TO navaia_app`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION webhook_inbox_pending(text, uuid, integer)`);
    await q.query(`DROP INDEX webhook_events_pending_idx`);
  }
}

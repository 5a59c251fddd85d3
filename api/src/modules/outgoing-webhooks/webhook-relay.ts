import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { DeliverJobData, WebhookPublisher } from './webhook-publisher';

const CLAIM_BATCH = 500;
/** Finished deliveries stay in the log this long. */
export const DELIVERY_RETENTION_MS = 30 * 24 * 3_600_000;

/** Moves due deliveries from the outbox into the queue, and keeps the log bounded. */
@Injectable()
export class WebhookRelay {
  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: WebhookPublisher,
    private readonly deliveries: WebhookDeliveryService,
  ) {}

  /** Claims due deliveries of every tenant (retries, and any whose nudge never came). */
  async relay(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows: { id: string; tenant_id: string; attempts: number }[] =
        await this.dataSource.query('SELECT * FROM webhook_deliveries_claim($1, $2)', [
          CLAIM_BATCH,
          Math.ceil(this.deliveries.leaseMs / 1000),
        ]);
      const jobs: DeliverJobData[] = rows.map((r) => ({
        tenantId: r.tenant_id,
        deliveryId: r.id,
        attempts: r.attempts,
      }));
      // A claim whose job is not queued here is claimed again when its lease ends.
      await this.publisher.queueNow(jobs);
      total += rows.length;
      if (rows.length < CLAIM_BATCH) return total;
    }
  }

  async purge(now = Date.now()): Promise<number> {
    const [row]: { purged: number }[] = await this.dataSource.query(
      'SELECT webhook_deliveries_purge($1) AS purged',
      [new Date(now - DELIVERY_RETENTION_MS)],
    );
    return row?.purged ?? 0;
  }
}

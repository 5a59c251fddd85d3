import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TenantDb } from '../database/tenant-db';
import { TenantContext } from '../tenancy/tenant-context';
import { withTimeout } from '../async/timeout';

export interface OutboxEntry {
  queue: string;
  name: string;
  /** Stable per piece of work: the queue ignores a second job with the same id. */
  jobId: string;
  data: object;
}

interface OutboxRow {
  id: string;
  tenant_id: string;
  queue: string;
  job_name: string;
  job_id: string;
  payload: object;
}

const BATCH = 500;
const POLL_MS = 1_000;
const ENQUEUE_TIMEOUT_MS = 5_000;

/**
 * Moves outbox entries into their queues. Entries are written in the same transaction as
 * the rows they act on, so work is queued if and only if its rows committed. The relay
 * takes entries in a transaction it commits only after the queue accepted the jobs: a crash
 * or a Redis outage in between leaves them in the outbox for the next pass. Every process
 * may relay (entries are taken with SKIP LOCKED); a write nudges its own process's relay so
 * work starts within milliseconds, and a poll catches the rest.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly queues = new Map<string, Queue>();
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(private readonly dataSource: DataSource) {}

  /** Queues the relay may fill; modules register theirs when they start. */
  register(queue: Queue): void {
    this.queues.set(queue.name, queue);
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.nudge(), POLL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Relays soon; concurrent nudges coalesce into one pass and one follow-up. */
  nudge(delayMs = 0): void {
    if (this.stopped) return;
    if (delayMs > 0) {
      setTimeout(() => this.nudge(), delayMs).unref();
      return;
    }
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** Relays until the outbox is empty; resolves with how many entries moved. */
  async flush(): Promise<number> {
    let moved = 0;
    for (;;) {
      const n = await this.relayBatch();
      moved += n;
      if (n < BATCH) return moved;
    }
  }

  private async drain(): Promise<void> {
    try {
      await this.flush();
    } catch (error) {
      this.logger.warn(`Outbox relay paused: ${(error as Error).message}`);
    }
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query('SELECT * FROM outbox_take($1)', [BATCH]);
      if (rows.length === 0) return 0;
      const byQueue = new Map<string, OutboxRow[]>();
      for (const row of rows) byQueue.set(row.queue, [...(byQueue.get(row.queue) ?? []), row]);
      for (const [name, entries] of byQueue) {
        const queue = this.queues.get(name);
        if (!queue) throw new Error(`No queue "${name}" is registered with the outbox relay`);
        await withTimeout(
          queue.addBulk(
            entries.map((e) => ({ name: e.job_name, data: e.payload, opts: { jobId: e.job_id } })),
          ),
          ENQUEUE_TIMEOUT_MS,
          () => new Error('the job queue did not answer'),
        );
      }
      return rows.length;
    });
  }
}

/** Adds outbox entries inside the caller's tenant transaction. */
@Injectable()
export class Outbox {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly relay: OutboxRelay,
  ) {}

  async add(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const tenantId = this.context.tenantId;
    const values: unknown[] = [];
    const rows = entries.map((e, i) => {
      values.push(tenantId, e.queue, e.name, e.jobId, JSON.stringify({ ...e.data, tenantId }));
      const p = i * 5;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5})`;
    });
    await this.db.manager.query(
      `INSERT INTO outbox (tenant_id, queue, job_name, job_id, payload) VALUES ${rows.join(', ')}`,
      values,
    );
    // The transaction commits after this returns; relay shortly after, the poll covers a miss.
    this.relay.nudge(20);
  }
}

import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { QueueRecovery } from '../../common/queue/queue-recovery';
import { APP_CONFIG, AppConfig, AppRole, InboxRelayConfig } from '../../config/config';
import type { WebhookProvider } from './webhook-event.entity';
import { WebhookInboxService } from './webhook-inbox.service';

const BATCH = 500;

/**
 * The inbox's relay, like the calls' outbox relay: every event stored but not yet processed is
 * queued, whatever happened to its first job — an enqueue refused while Redis was away (the
 * intake answered 503 and the row stayed), or a job lost when Redis came back empty or from an
 * older snapshot. Jobs carry the event id as their id, so queuing an event whose job exists is
 * a no-op, and processing locks the event row and skips a processed event, so nothing runs
 * twice. Worker processes relay; rows are claimed with SKIP LOCKED, so several workers share
 * the work, and an event being processed right now (its row locked) is left alone.
 */
@Injectable()
export class InboxRelay implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboxRelay.name);
  private readonly enabled: boolean;
  private readonly settings: InboxRelayConfig;
  private timer?: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private pending = 0;
  /** Every waiting event is to be queued now (Redis came back); kept until a pass succeeds. */
  private allDue = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly inbox: WebhookInboxService,
    private readonly recovery: QueueRecovery,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.enabled = config.role !== AppRole.Http;
    this.settings = config.inboxRelay;
  }

  onModuleInit(): void {
    if (!this.enabled) return;
    this.recovery.register('inbox events', () => this.relayAll(), { afterOutage: true });
  }

  onApplicationBootstrap(): void {
    if (!this.enabled || this.settings.intervalMs <= 0) return;
    this.timer = setInterval(() => this.tick(), this.settings.intervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.chain;
  }

  /** Queues every waiting event, however recently queued; resolves with how many. */
  relayAll(): Promise<number> {
    this.allDue = true;
    return this.serial(() => this.pass(true));
  }

  /** Queues the waiting events that are due; resolves with how many. */
  relayDue(): Promise<number> {
    return this.serial(() => this.pass(this.allDue));
  }

  private tick(): void {
    if (this.stopped || this.pending > 0) return;
    this.relayDue().catch((error: Error) =>
      this.logger.warn(`Inbox relay paused: ${error.message}`),
    );
  }

  /** One pass at a time per process. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    this.pending++;
    const result = this.chain.then(work);
    this.chain = result.catch(() => undefined).finally(() => this.pending--);
    return result;
  }

  private async pass(all: boolean): Promise<number> {
    // An event younger than ageMs is left to the job its intake queued: that job has usually
    // processed it by then, and queuing it while it waits or runs would be a no-op anyway.
    const [age, lease] = all ? [0, 0] : [this.settings.ageMs, this.settings.leaseMs];
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      // Committed only once the queue took the jobs: a failure leaves the events due.
      const rows = await this.dataSource.transaction(async (manager) => {
        const taken: { id: string; provider: WebhookProvider }[] = await manager.query(
          'SELECT * FROM webhook_inbox_relay_take($1, $2, $3, $4)',
          [after, BATCH, age, lease],
        );
        await this.inbox.enqueueMany(taken);
        return taken;
      });
      queued += rows.length;
      if (rows.length < BATCH) break;
      // Lower-case UUIDs compare as PostgreSQL orders them.
      after = rows.reduce((max, r) => (r.id > max ? r.id : max), rows[0].id);
    }
    if (all) this.allDue = false;
    if (queued && !all) this.logger.debug(`Queued ${queued} inbox events again`);
    return queued;
  }
}

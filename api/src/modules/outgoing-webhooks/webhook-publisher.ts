import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { WebhookDeliveryStatus, type WebhookEventType } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { OutgoingWebhookJob, QueueName } from '../../common/queue/queue-names';
import { QueueProducer } from '../../common/queue/queue-producer';
import type { TenantJobData } from '../../common/queue/tenant-job';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export interface DeliverJobData extends TenantJobData {
  deliveryId: string;
  /** The attempts the delivery had when queued: only one job may make the next attempt. */
  attempts: number;
}

/**
 * How long a new delivery is left to the after-commit nudge before the relay takes it: the
 * relay only picks it up when the nudge never came (a crash after commit, Redis down).
 */
export const NUDGE_GRACE_MS = 30_000;

/**
 * Publishes events to the tenant's webhook endpoints. `publish` runs inside the caller's
 * tenant transaction and writes one delivery row per subscribed, enabled endpoint: the rows
 * are the outbox, so a rolled-back change notifies no one and a crash after commit loses
 * nothing. Once the transaction commits, the deliveries are queued at once.
 */
@Injectable()
export class WebhookPublisher implements EntitySubscriberInterface {
  private readonly logger = new Logger(WebhookPublisher.name);
  /** Deliveries to queue when the transaction that wrote them commits. */
  private readonly afterCommit = new WeakMap<QueryRunner, DeliverJobData[]>();

  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly producer: QueueProducer,
    @InjectQueue(QueueName.OutgoingWebhooks) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    dataSource: DataSource,
  ) {
    dataSource.subscribers.push(this);
  }

  /**
   * Call inside the tenant transaction of the change, with the record as the REST API shows
   * it, or a function that reads it: then it is read only when an endpoint subscribes.
   * Returns the number of deliveries written.
   */
  async publish(type: WebhookEventType, data: object | (() => Promise<object>)): Promise<number> {
    const endpoints = await this.db
      .repo(WebhookEndpoint)
      .createQueryBuilder('e')
      .select('e.id')
      .where('e.enabled')
      .andWhere(':type = ANY(e.event_types)', { type })
      .getMany();
    if (endpoints.length === 0) return 0;
    const record = typeof data === 'function' ? await data() : data;
    const body = JSON.stringify({ type, timestamp: new Date().toISOString(), data: record });
    for (const endpoint of endpoints) await this.createDelivery(endpoint.id, type, body);
    return endpoints.length;
  }

  /** Writes one delivery of `body` to one endpoint and queues it after commit. */
  async createDelivery(
    endpointId: string,
    eventType: string,
    body: string,
  ): Promise<WebhookDelivery> {
    const id = uuidv7();
    const delivery = this.db.repo(WebhookDelivery).create({
      id,
      tenantId: this.context.tenantId,
      endpointId,
      eventType,
      // Stable for this event and endpoint: every retry and replay carries it.
      webhookId: `msg_${id.replace(/-/g, '')}`,
      body,
      status: WebhookDeliveryStatus.Pending,
      attempts: 0,
      maxAttempts: this.config.outgoingWebhooks.retryDelaysMs.length + 1,
      nextAttemptAt: new Date(Date.now() + NUDGE_GRACE_MS),
    });
    await this.db.repo(WebhookDelivery).insert(delivery);
    this.queueAfterCommit({ tenantId: delivery.tenantId, deliveryId: id, attempts: 0 });
    return await this.db.repo(WebhookDelivery).findOneByOrFail({ id });
  }

  /** Queues a delivery attempt once the current transaction has committed. */
  queueAfterCommit(job: DeliverJobData): void {
    const runner = this.db.manager.queryRunner;
    if (!runner) throw new Error('Deliveries are queued from inside a transaction');
    const jobs = this.afterCommit.get(runner) ?? [];
    jobs.push(job);
    this.afterCommit.set(runner, jobs);
  }

  /** Queues deliveries now; the relay would find them anyway, this only makes it immediate. */
  async queueNow(jobs: DeliverJobData[]): Promise<void> {
    for (const job of jobs) {
      await this.producer.add(this.queue, OutgoingWebhookJob.Deliver, job, {
        removeOnComplete: { age: 3600, count: 1000 },
      });
    }
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    // A released savepoint is not the commit; the outermost transaction's is.
    if (runner.isTransactionActive) return;
    const jobs = this.afterCommit.get(runner);
    if (!jobs) return;
    this.afterCommit.delete(runner);
    // Not awaited: the change is committed and answers now; if Redis is away, the relay
    // queues these deliveries once their grace period ends.
    this.queueNow(jobs).catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Deliveries left to the relay: could not queue them'),
    );
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.afterCommit.delete(event.queryRunner);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  Page,
  WebhookDeliveryListQueryDto,
  WebhookDeliveryStatus,
  WebhookDeliveryView,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { RateLimiter } from '../../common/redis/rate-limiter';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { WebhookDelivery, toWebhookDeliveryView } from './webhook-delivery.entity';
import { signingSecrets, WebhookEndpoint } from './webhook-endpoint.entity';
import { OutgoingWebhookErrors } from './outgoing-webhooks.exception';
import { DeliverJobData, NUDGE_GRACE_MS, WebhookPublisher } from './webhook-publisher';
import { SendResult, sendWebhook } from './webhook-sender';
import { webhookSignatureHeader } from './webhook-signature';

/** The wait before retry number `attempt` (1-based), with ±10 % jitter so retries spread out. */
export function retryDelayMs(attempt: number, schedule: readonly number[], random = Math.random) {
  const base = schedule[Math.min(attempt, schedule.length) - 1] ?? 0;
  return Math.round(base * (0.9 + random() * 0.2));
}

interface StartedAttempt {
  delivery: WebhookDelivery;
  endpoint: WebhookEndpoint;
}

@Injectable()
export class WebhookDeliveryService {
  private readonly logger = new Logger(WebhookDeliveryService.name);

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: TenantJobRunner,
    private readonly publisher: WebhookPublisher,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get settings() {
    return this.config.outgoingWebhooks;
  }

  /** While an attempt is out, the relay leaves its delivery alone for this long. */
  get leaseMs(): number {
    return Math.max(60_000, 3 * this.settings.requestTimeoutMs);
  }

  async list(
    endpointId: string,
    query: WebhookDeliveryListQueryDto,
  ): Promise<Page<WebhookDeliveryView>> {
    const qb = this.db
      .repo(WebhookDelivery)
      .createQueryBuilder('d')
      .where('d.endpoint_id = :endpointId', { endpointId });
    if (query.status?.length) qb.andWhere('d.status IN (:...status)', { status: query.status });
    const page = await keysetPage(qb, query, [
      { column: 'd.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: page.data.map(toWebhookDeliveryView), nextCursor: page.nextCursor };
  }

  /**
   * One more attempt now, with the same webhook-id. A pending delivery keeps its retry
   * schedule; a finished one gets exactly this attempt.
   */
  async replay(endpoint: WebhookEndpoint, deliveryId: string): Promise<WebhookDeliveryView> {
    const repo = this.db.repo(WebhookDelivery);
    const delivery = await repo.findOneBy({ id: deliveryId, endpointId: endpoint.id });
    if (!delivery) throw OutgoingWebhookErrors.deliveryNotFound();
    if (!endpoint.enabled) throw OutgoingWebhookErrors.endpointDisabled();
    const finished = delivery.status !== WebhookDeliveryStatus.Pending;
    await repo.update(
      { id: delivery.id },
      {
        status: WebhookDeliveryStatus.Pending,
        nextAttemptAt: new Date(Date.now() + NUDGE_GRACE_MS),
        maxAttempts: finished ? delivery.attempts + 1 : delivery.maxAttempts,
      },
    );
    this.publisher.queueAfterCommit({
      tenantId: delivery.tenantId,
      deliveryId: delivery.id,
      attempts: delivery.attempts,
    });
    return toWebhookDeliveryView(await repo.findOneByOrFail({ id: delivery.id }));
  }

  /**
   * Makes one attempt. The database work happens in two short transactions around the HTTP
   * request, so no connection waits on a slow receiver.
   */
  async attempt(job: DeliverJobData): Promise<string> {
    const label = `webhook-delivery-${job.deliveryId}`;
    const started = await this.jobs.runFor(job.tenantId, label, () => this.start(job));
    if (!started) return 'skipped';
    const { delivery, endpoint } = started;
    const timestamp = Math.floor(Date.now() / 1000);
    const result = await sendWebhook({
      url: endpoint.url,
      body: delivery.body,
      headers: {
        'webhook-id': delivery.webhookId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': webhookSignatureHeader(
          signingSecrets(endpoint),
          delivery.webhookId,
          timestamp,
          delivery.body,
        ),
      },
      timeoutMs: this.settings.requestTimeoutMs,
      allowPrivate: this.settings.allowPrivateTargets,
    });
    return this.jobs.runFor(job.tenantId, label, () => this.finish(delivery, endpoint, result));
  }

  /** Claims attempt number `attempts + 1`; a duplicate job for the same attempt gets nothing. */
  private async start(job: DeliverJobData): Promise<StartedAttempt | undefined> {
    const delivery = await this.db.repo(WebhookDelivery).findOneBy({ id: job.deliveryId });
    if (!delivery || delivery.status !== WebhookDeliveryStatus.Pending) return undefined;
    const endpoint = await this.db.repo(WebhookEndpoint).findOneBy({ id: delivery.endpointId });
    // A disabled endpoint's deliveries wait; enabling it resumes them.
    if (!endpoint?.enabled) return undefined;
    if (await this.overTenantRate(delivery)) return undefined;
    const now = new Date();
    const claimed = await this.db.repo(WebhookDelivery).update(
      { id: delivery.id, status: WebhookDeliveryStatus.Pending, attempts: job.attempts },
      {
        attempts: job.attempts + 1,
        lastAttemptAt: now,
        nextAttemptAt: new Date(now.getTime() + this.leaseMs),
      },
    );
    if (!claimed.affected) return undefined;
    return { delivery: { ...delivery, attempts: job.attempts + 1 }, endpoint };
  }

  /**
   * Counts the attempt against the tenant's deliveries per minute. Past the limit the delivery
   * waits, unchanged but for its due time, until the window ends (the relay then takes it):
   * a tenant with many endpoints or events is slowed down, never loses one. While Redis is
   * unreachable the queue is too, so no attempt runs uncounted for long.
   */
  private async overTenantRate(delivery: WebhookDelivery): Promise<boolean> {
    const { deliveriesPerTenantPerMinute: limit, deliveryRateWindowMs: windowMs } = this.settings;
    const hit = await this.rateLimiter
      .hit(`ratelimit:webhook-deliveries:${delivery.tenantId}`, windowMs)
      .catch(() => null);
    if (!hit || hit.count <= limit) return false;
    // Spread over the next window's first tenth, so the waiting ones do not all start at once.
    const wait = hit.resetMs + Math.round(Math.random() * windowMs * 0.1);
    await this.db
      .repo(WebhookDelivery)
      .update(
        { id: delivery.id, status: WebhookDeliveryStatus.Pending, attempts: delivery.attempts },
        { nextAttemptAt: new Date(Date.now() + wait) },
      );
    return true;
  }

  private async finish(
    delivery: WebhookDelivery,
    endpoint: WebhookEndpoint,
    result: SendResult,
  ): Promise<string> {
    const ok = result.error === null;
    const now = new Date();
    const exhausted = delivery.attempts >= delivery.maxAttempts;
    const status = ok
      ? WebhookDeliveryStatus.Delivered
      : exhausted
        ? WebhookDeliveryStatus.Failed
        : WebhookDeliveryStatus.Pending;
    await this.db.repo(WebhookDelivery).update(
      { id: delivery.id, attempts: delivery.attempts },
      {
        status,
        lastStatusCode: result.statusCode,
        lastError: result.error,
        responseSnippet: result.snippet,
        deliveredAt: ok ? now : null,
        nextAttemptAt:
          status === WebhookDeliveryStatus.Pending
            ? new Date(now.getTime() + retryDelayMs(delivery.attempts, this.settings.retryDelaysMs))
            : null,
      },
    );
    if (ok) {
      await this.db
        .repo(WebhookEndpoint)
        .update(
          { id: endpoint.id },
          { consecutiveFailures: 0, failingSince: null, lastSuccessAt: now },
        );
    } else {
      await this.recordFailure(endpoint.id, result.error ?? 'failed');
    }
    return status;
  }

  /**
   * Counts a failed attempt against the endpoint and switches it off once it has failed
   * `disableAfterFailures` times in a row over at least `disableAfterMs` with no success in
   * between: a receiver that is down for an afternoon is retried, one gone for a day is not.
   */
  private async recordFailure(endpointId: string, error: string): Promise<void> {
    const [rows]: [{ consecutive_failures: number; failing_since: Date; enabled: boolean }[]] =
      await this.db.manager.query(
        `UPDATE webhook_endpoints
            SET consecutive_failures = consecutive_failures + 1,
                failing_since = COALESCE(failing_since, now())
          WHERE id = $1
          RETURNING consecutive_failures, failing_since, enabled`,
        [endpointId],
      );
    const row = rows[0];
    if (!row?.enabled) return;
    const { disableAfterFailures, disableAfterMs } = this.settings;
    const failingFor = Date.now() - new Date(row.failing_since).getTime();
    if (row.consecutive_failures < disableAfterFailures || failingFor < disableAfterMs) return;
    const hours = Math.round(failingFor / 3_600_000);
    await this.db.repo(WebhookEndpoint).update(
      { id: endpointId },
      {
        enabled: false,
        disabledAt: new Date(),
        disabledReason: `Disabled after ${row.consecutive_failures} failed attempts in a row over ${hours} h without a success (last: ${error})`,
      },
    );
    this.logger.warn(
      { endpointId, failures: row.consecutive_failures },
      'Webhook endpoint disabled',
    );
  }
}

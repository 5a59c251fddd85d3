import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { REDIS } from '../redis/redis.module';

/** How often the marker is checked besides reconnects (a restart the client slept through). */
const CHECK_MS = 10_000;
/**
 * A pass that failed (the queues' own connections not ready yet, say) is tried again after
 * this, doubling while it keeps failing, up to CHECK_MS.
 */
const RETRY_MS = 500;

interface Step {
  name: string;
  run: () => Promise<unknown>;
  /** Also on every start (job schedulers, whose settings may have changed), not only after a loss. */
  everyStart: boolean;
  /**
   * Also at start and whenever the connection comes back, even with its data: Redis may have
   * restarted from a snapshot older than the jobs added since.
   */
  afterOutage: boolean;
}

/**
 * Redis may run without persistence: a restart loses every job, job scheduler and limiter key.
 * No work lives only in Redis — its rows are in PostgreSQL — so the modules that consume queues
 * register how to put their jobs back, and this runs those steps whenever Redis turns out to
 * have lost its data: at start, and when the connection comes back. A marker key says whether
 * the data survived (it goes with everything else). Every step is idempotent (stable job ids,
 * the dialer's attempt row), so a job that did survive is neither duplicated nor run twice.
 */
@Injectable()
export class QueueRecovery implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueRecovery.name);
  private readonly steps: Step[] = [];
  private readonly marker: string;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private disconnected = false;
  /** A reconnect whose afterOutage steps have not all succeeded yet. */
  private outageDue = false;
  private retryMs = RETRY_MS;
  private stopped = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.marker = `${config.queuePrefix}:recovery:kept`;
  }

  /** Called by modules when they start, before the application bootstraps. */
  register(
    name: string,
    run: () => Promise<unknown>,
    options: { everyStart?: boolean; afterOutage?: boolean } = {},
  ) {
    this.steps.push({
      name,
      run,
      everyStart: options.everyStart ?? false,
      afterOutage: options.afterOutage ?? false,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.steps.length === 0) return;
    await this.check(true);
    this.redis.on('close', this.onClose);
    this.redis.on('ready', this.onReady);
    this.timer = setInterval(() => void this.check(false), CHECK_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.redis.off('close', this.onClose);
    this.redis.off('ready', this.onReady);
    await this.running;
  }

  /** Runs the steps due now; concurrent checks share one pass. */
  check(starting: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.running ??= this.pass(starting).finally(() => (this.running = undefined));
    return this.running;
  }

  private readonly onClose = () => {
    this.disconnected = true;
  };

  private readonly onReady = () => {
    if (!this.disconnected) return;
    this.disconnected = false;
    this.outageDue = true;
    void this.check(false);
  };

  private async pass(starting: boolean): Promise<void> {
    let lost: boolean;
    try {
      lost = (await this.redis.exists(this.marker)) === 0;
    } catch {
      return; // Redis is away; the reconnect or the next check tries again.
    }
    const outage = starting || this.outageDue;
    const due = this.steps.filter(
      (s) => lost || (starting && s.everyStart) || (outage && s.afterOutage),
    );
    if (due.length === 0) return;
    if (lost && !starting) this.logger.warn('Redis lost its data: recreating jobs and schedules');
    let failed = false;
    for (const step of due) {
      try {
        await step.run();
      } catch (error) {
        failed = true;
        this.logger.error(`Queue recovery "${step.name}" failed: ${(error as Error).message}`);
      }
    }
    // Marked only once everything is back, so a pass cut short by a new outage is repeated.
    if (outage) this.outageDue = failed;
    if (lost && !failed) await this.redis.set(this.marker, String(Date.now())).catch(() => null);
    if (!failed) {
      this.retryMs = RETRY_MS;
      return;
    }
    setTimeout(() => void this.check(false), this.retryMs).unref();
    this.retryMs = Math.min(this.retryMs * 2, CHECK_MS);
  }
}

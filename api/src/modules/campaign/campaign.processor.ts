import { InjectQueue, Processor, WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../../common/queue/queue-names';
import { QueueRecovery } from '../../common/queue/queue-recovery';
import { CampaignDialer } from './campaign-dialer';
import { CAMPAIGN_TICK_JOB } from './campaign.service';

/**
 * Twice the rate at which a running campaign's waiting calls run out (they are kept to 1.5 s
 * of the tenant's pace), so a late tick does not leave dialing turns unused.
 */
const TICK_MS = 500;

/**
 * The dialer's heartbeat: every half second, and at once when a campaign starts or resumes (an
 * outbox entry), every campaign that may dial is fed. Pause and cancel need nothing here:
 * the next feed finds the campaign not running, and queued calls are withdrawn at dial time.
 */
@Processor(QueueName.Campaigns, { concurrency: 1 })
export class CampaignProcessor extends WorkerHost implements OnModuleInit {
  constructor(
    private readonly dialer: CampaignDialer,
    private readonly recovery: QueueRecovery,
    @InjectQueue(QueueName.Campaigns) private readonly queue: Queue,
  ) {
    super();
  }

  /** At start, and again after Redis lost its data (the tick's schedule with it). */
  onModuleInit(): void {
    this.recovery.register(
      'campaign tick',
      () =>
        this.queue.upsertJobScheduler(
          'campaign-tick',
          { every: TICK_MS },
          { name: CAMPAIGN_TICK_JOB },
        ),
      { everyStart: true },
    );
  }

  async process(): Promise<{ queued: number }> {
    return { queued: await this.dialer.tickAll() };
  }
}

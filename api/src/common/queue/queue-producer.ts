import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { CommonErrors } from '../errors/app.exception';
import { withTimeout } from '../async/timeout';

const ENQUEUE_TIMEOUT_MS = 1_000;

/**
 * Adds jobs, failing fast with a 503 when Redis is unreachable so that callers get an
 * answer within a second instead of a request that hangs until Redis returns.
 */
@Injectable()
export class QueueProducer {
  async add<T>(queue: Queue, name: string, data: T, options?: JobsOptions): Promise<string> {
    const [id] = await this.addBulk(queue, [{ name, data, opts: options }]);
    return id;
  }

  /** Adds several jobs in one round trip; all or none (within the one-second bound). */
  async addBulk(
    queue: Queue,
    jobs: { name: string; data: unknown; opts?: JobsOptions }[],
  ): Promise<string[]> {
    if (jobs.length === 0) return [];
    const client = await queue.client;
    if (client.status !== 'ready') throw CommonErrors.unavailable('The job queue');
    try {
      const added = await withTimeout(
        jobs.length === 1
          ? queue
              .add(jobs[0].name as never, jobs[0].data as never, jobs[0].opts)
              .then((job) => [job])
          : queue.addBulk(jobs as never),
        ENQUEUE_TIMEOUT_MS,
      );
      return added.map((job) => job.id ?? '');
    } catch {
      // A refusal or no answer in time: either way the job is not known to be queued.
      throw CommonErrors.unavailable('The job queue');
    }
  }
}

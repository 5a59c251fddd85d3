import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TenantDb } from '../../common/database/tenant-db';
import { QueueName, TelephonyJob, VoiceEventJob } from '../../common/queue/queue-names';
import { QueueProducer } from '../../common/queue/queue-producer';
import { WebhookEvent, WebhookProvider } from './webhook-event.entity';

const REQUEUE_BATCH = 500;

export interface AcceptedEvent {
  id: string;
  /** False when the same event (provider, type, external id) was stored before. */
  created: boolean;
}

/** Snake-cased row of webhook_events as the SECURITY DEFINER functions return it. */
interface EventRow {
  id: string;
  tenant_id: string | null;
  provider: WebhookProvider;
  type: string;
  external_id: string;
  status: WebhookEvent['status'];
  payload: Record<string, unknown>;
  attempts: number;
  error: string | null;
  voice_session_id: string | null;
  received_at: Date;
  processed_at: Date | null;
}

export function toEvent(row: EventRow): WebhookEvent {
  return Object.assign(new WebhookEvent(), {
    id: row.id,
    tenantId: row.tenant_id,
    provider: row.provider,
    type: row.type,
    externalId: row.external_id,
    status: row.status,
    payload: row.payload,
    attempts: row.attempts,
    error: row.error,
    voiceSessionId: row.voice_session_id,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
  });
}

/**
 * The inbox of provider events. Events arrive before their tenant is known, so storing,
 * reading and matching them go through narrow database functions; once matched, an event
 * is an ordinary tenant row under row-level security.
 */
@Injectable()
export class WebhookInboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly producer: QueueProducer,
    @InjectQueue(QueueName.VoiceEvents) private readonly voiceEvents: Queue,
    @InjectQueue(QueueName.Telephony) private readonly telephony: Queue,
  ) {}

  /** Stores the event (once) and queues its processing; a repeat changes nothing. */
  async accept(
    provider: WebhookProvider,
    type: string,
    externalId: string,
    payload: unknown,
  ): Promise<AcceptedEvent> {
    const [row]: { id: string; created: boolean }[] = await this.dataSource.query(
      'SELECT * FROM webhook_inbox_accept($1, $2, $3, $4)',
      [provider, type, externalId, JSON.stringify(payload)],
    );
    if (row.created) await this.enqueue(row.id, provider);
    return row;
  }

  /** Queues an event's processing with the module that owns its provider's events. */
  async enqueue(eventId: string, provider: WebhookProvider, retry = 0): Promise<void> {
    // The job id makes a second enqueue of the same event (relay, reprocess) a no-op
    // while the first is pending.
    const jobId = retry ? `${eventId}-r${retry}` : eventId;
    if (provider === 'twilio') {
      await this.producer.add(this.telephony, TelephonyJob.TwilioStatus, { eventId }, { jobId });
    } else {
      await this.producer.add(this.voiceEvents, VoiceEventJob.Process, { eventId }, { jobId });
    }
  }

  /**
   * Queues every event still waiting to be processed (after Redis lost its jobs); the job id
   * makes this a no-op for an event whose job survived. Returns how many were queued.
   */
  async requeuePending(provider: WebhookProvider): Promise<number> {
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      const rows: { id: string }[] = await this.dataSource.query(
        'SELECT id FROM webhook_inbox_pending($1, $2, $3)',
        [provider, after, REQUEUE_BATCH],
      );
      for (const { id } of rows) await this.enqueue(id, provider);
      queued += rows.length;
      if (rows.length < REQUEUE_BATCH) return queued;
      after = rows[rows.length - 1].id;
    }
  }

  async get(eventId: string): Promise<WebhookEvent | undefined> {
    const rows: EventRow[] = await this.dataSource.query('SELECT * FROM webhook_inbox_get($1)', [
      eventId,
    ]);
    return rows[0] && toEvent(rows[0]);
  }

  async assign(eventId: string, tenantId: string): Promise<void> {
    await this.dataSource.query('SELECT webhook_inbox_assign($1, $2)', [eventId, tenantId]);
  }

  async markUnmatched(eventId: string, reason: string): Promise<void> {
    await this.dataSource.query('SELECT webhook_inbox_unmatched($1, $2)', [eventId, reason]);
  }

  async listUnmatched(before: string | undefined, limit: number): Promise<WebhookEvent[]> {
    const rows: EventRow[] = await this.dataSource.query(
      'SELECT * FROM webhook_inbox_list_unmatched($1, $2)',
      [before ?? null, limit],
    );
    return rows.map(toEvent);
  }

  /** Inside the event's tenant transaction. */
  async markProcessed(eventId: string, voiceSessionId: string | null): Promise<void> {
    await this.db.manager.query(
      `UPDATE webhook_events SET status = 'processed', processed_at = now(), error = NULL,
              attempts = attempts + 1, voice_session_id = coalesce($2, voice_session_id)
        WHERE id = $1`,
      [eventId, voiceSessionId],
    );
  }

  async markFailed(eventId: string, error: string): Promise<void> {
    await this.db.manager.query(
      `UPDATE webhook_events SET status = 'failed', error = $2, attempts = attempts + 1 WHERE id = $1`,
      [eventId, error.slice(0, 1000)],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { TenantDb } from '../../common/database/tenant-db';
import { QueueName, TelephonyJob, VoiceEventJob } from '../../common/queue/queue-names';
import { QueueProducer } from '../../common/queue/queue-producer';
import { WebhookEvent, WebhookProvider } from './webhook-event.entity';

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

  /**
   * Stores the event (once) and queues its processing. A repeat of an event still waiting
   * queues it again (a no-op while its job exists): the first delivery's enqueue may have
   * been refused while Redis was away, and the provider's retry is then what brings it back.
   */
  async accept(
    provider: WebhookProvider,
    type: string,
    externalId: string,
    payload: unknown,
  ): Promise<AcceptedEvent> {
    const [row]: { id: string; created: boolean; pending: boolean }[] = await this.dataSource.query(
      'SELECT * FROM webhook_inbox_accept($1, $2, $3, $4)',
      [provider, type, externalId, JSON.stringify(payload)],
    );
    if (row.pending) await this.enqueue(row.id, provider);
    return { id: row.id, created: row.created };
  }

  /** Queues an event's processing with the module that owns its provider's events. */
  async enqueue(eventId: string, provider: WebhookProvider, retry = 0): Promise<void> {
    // The job id makes a second enqueue of the same event (relay, repeat) a no-op while the
    // first is kept; a reprocess asks for a new job on purpose.
    await this.enqueueMany([
      { id: eventId, provider, jobId: retry ? `${eventId}-r${retry}` : eventId },
    ]);
  }

  /** Queues events' processing, one job per event under its stable id; all or none. */
  async enqueueMany(
    events: { id: string; provider: WebhookProvider; jobId?: string }[],
  ): Promise<void> {
    for (const provider of ['twilio', 'elevenlabs'] as const) {
      const jobs = events
        .filter((e) => e.provider === provider)
        .map((e) => ({
          name: provider === 'twilio' ? TelephonyJob.TwilioStatus : VoiceEventJob.Process,
          data: { eventId: e.id },
          opts: { jobId: e.jobId ?? e.id },
        }));
      await this.producer.addBulk(provider === 'twilio' ? this.telephony : this.voiceEvents, jobs);
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

  /**
   * Inside the event's tenant transaction, before applying it: locks the event until the
   * transaction ends, so a second job for it (a reprocess, a relay after its first job was
   * lost) waits, then finds it processed. False when it is processed already.
   */
  async lockUnprocessed(eventId: string): Promise<boolean> {
    const rows: { status: string }[] = await this.db.manager.query(
      'SELECT status FROM webhook_events WHERE id = $1 FOR UPDATE',
      [eventId],
    );
    return rows.length > 0 && rows[0].status !== 'processed';
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

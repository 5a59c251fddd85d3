import { Injectable, Logger } from '@nestjs/common';
import {
  displayName,
  toE164,
  TicketPriority,
  TicketSource,
  TranscriptTurnView,
  VoiceOutcome,
  VoicePurpose,
} from '@navaia/shared';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { Booking } from '../booking/booking.entity';
import { BookingService } from '../booking/booking.service';
import { Customer } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { TenantService } from '../tenant/tenant.service';
import { Ticket } from '../ticket/ticket.entity';
import { TicketService } from '../ticket/ticket.service';
import { extractOutcome, Extraction } from './extraction';
import { InitiationFailure, VoiceCallHooks } from './voice-call-hooks';
import { VoiceSession } from './voice-session.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The parts of a post_call_transcription `data` object that Navaia reads. */
interface PostCallData {
  agent_id?: unknown;
  conversation_id: string;
  transcript?: unknown;
  metadata?: {
    start_time_unix_secs?: unknown;
    call_duration_secs?: unknown;
    phone_call?: { direction?: unknown; external_number?: unknown; call_sid?: unknown } | null;
  };
  analysis?: { transcript_summary?: unknown; data_collection_results?: unknown } & Record<
    string,
    unknown
  >;
  conversation_initiation_client_data?: {
    dynamic_variables?: Record<string, unknown> | null;
  } | null;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;
const seconds = (value: unknown): number | undefined => {
  const n = typeof value === 'string' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
};

/** Transcript turns with text; tool-only turns (message null) carry nothing to show. */
export function normaliseTranscript(raw: unknown): TranscriptTurnView[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((turn: { role?: unknown; message?: unknown; time_in_call_secs?: unknown }) => {
    const message = text(turn?.message);
    if (!message || (turn.role !== 'agent' && turn.role !== 'user')) return [];
    return [{ role: turn.role, message, timeInCallSecs: seconds(turn.time_in_call_secs) ?? 0 }];
  });
}

/**
 * Turns a finished conversation into its session, customer and exactly one ticket or
 * booking. Runs inside the event's tenant transaction; every step is idempotent, so a
 * retried or duplicated event changes nothing the second time.
 */
@Injectable()
export class PostCallService {
  private readonly logger = new Logger(PostCallService.name);

  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    private readonly tickets: TicketService,
    private readonly bookings: BookingService,
    private readonly callHooks: VoiceCallHooks,
  ) {}

  async apply(data: PostCallData): Promise<VoiceSession> {
    const variables = data.conversation_initiation_client_data?.dynamic_variables ?? {};
    const tenant = await this.tenants.current();
    // Lock the session row: concurrent deliveries of one conversation queue up here.
    const session = await this.upsertSession(data, variables, tenant.voice.agents);
    if (session.outcome) return session;

    const customer = await this.findOrCreateCustomer(
      session,
      data,
      variables,
      tenant.defaultCountry,
    );
    const extraction = extractOutcome({
      transcript: session.transcript.map((t) => ({
        role: t.role,
        message: t.message,
        timeInCallSecs: t.timeInCallSecs,
      })),
      dataCollection:
        (data.analysis?.data_collection_results as
          Record<string, { value: unknown }> | undefined) ?? null,
      summary: text(data.analysis?.transcript_summary) ?? null,
      startedAt: session.startedAt ?? new Date(),
      timezone: tenant.timezone,
    });
    if (extraction.optOut && customer && !customer.doNotCall) {
      await this.customers.update(customer.id, { doNotCall: true });
    }
    const result = customer
      ? await this.createRecord(session, customer, extraction)
      : {
          outcome: VoiceOutcome.Failed,
          failureReason: 'No customer: the caller’s number is unknown',
        };
    await this.db
      .repo(VoiceSession)
      .update({ id: session.id }, { customerId: customer?.id ?? null, ...result });
    const ended = await this.db.repo(VoiceSession).findOneByOrFail({ id: session.id });
    await this.callHooks.sessionEnded(ended);
    return ended;
  }

  /** The provider could not start the call: the session ends as failed with the reason. */
  async initiationFailed(data: InitiationFailure): Promise<string | null> {
    // The phone leg (if it is ours) ends busy, unanswered or failed.
    await this.callHooks.initiationFailed(data);
    const session = await this.db
      .repo(VoiceSession)
      .findOneBy({ conversationId: data.conversation_id });
    if (!session || session.outcome) return session?.id ?? null;
    await this.db.repo(VoiceSession).update(
      { id: session.id },
      {
        status: 'failed',
        outcome: VoiceOutcome.Failed,
        failureReason: `Call not connected: ${text(data.failure_reason) ?? 'unknown'}`,
        endedAt: new Date(),
      },
    );
    return session.id;
  }

  /** Links the stored recording to its session. */
  async attachAudio(data: {
    conversation_id: string;
    audio_path?: unknown;
  }): Promise<string | null> {
    const path = text(data.audio_path);
    const session = await this.db
      .repo(VoiceSession)
      .findOneBy({ conversationId: data.conversation_id });
    if (!session || !path) return null;
    await this.db.repo(VoiceSession).update({ id: session.id }, { audioPath: path });
    return session.id;
  }

  private async upsertSession(
    data: PostCallData,
    variables: Record<string, unknown>,
    agents: { support?: string; sales?: string },
  ): Promise<VoiceSession> {
    const repo = this.db.repo(VoiceSession);
    const sessionId =
      typeof variables.voice_session_id === 'string' && UUID.test(variables.voice_session_id)
        ? variables.voice_session_id
        : undefined;
    const findLocked = (where: Partial<VoiceSession>) =>
      repo.createQueryBuilder('s').setLock('pessimistic_write').where(where).getOne();
    const session =
      (sessionId && (await findLocked({ id: sessionId }))) ||
      (await findLocked({ conversationId: data.conversation_id }));
    const start = seconds(data.metadata?.start_time_unix_secs);
    const duration = seconds(data.metadata?.call_duration_secs);
    const startedAt = start !== undefined ? new Date(start * 1000) : (session?.startedAt ?? null);
    const facts: Partial<VoiceSession> = {
      conversationId: data.conversation_id,
      agentId: text(data.agent_id) ?? session?.agentId ?? null,
      status: 'ended',
      startedAt,
      durationSec: duration !== undefined ? Math.round(duration) : null,
      endedAt:
        startedAt && duration !== undefined
          ? new Date(startedAt.getTime() + duration * 1000)
          : new Date(),
      transcript: normaliseTranscript(data.transcript),
      summary: text(data.analysis?.transcript_summary) ?? null,
      analysis: data.analysis ?? null,
    };
    if (session) {
      if (!session.outcome) await repo.update({ id: session.id }, facts);
      return repo.findOneByOrFail({ id: session.id });
    }
    // A call that reached the agent with no session of ours (e.g. an inbound phone call).
    const agent = text(data.agent_id);
    const id = uuidv7();
    try {
      await repo.insert({
        id,
        tenantId: this.context.tenantId,
        purpose: agent && agent === agents.sales ? VoicePurpose.Sales : VoicePurpose.Support,
        channel: data.metadata?.phone_call ? 'phone' : 'browser',
        provider: 'elevenlabs',
        dynamicVariables: {},
        ...facts,
      });
    } catch (error) {
      // A concurrent delivery created it first; use that one.
      if (!isUniqueViolation(error)) throw error;
      return (await findLocked({ conversationId: data.conversation_id }))!;
    }
    return (await findLocked({ id }))!;
  }

  private async findOrCreateCustomer(
    session: VoiceSession,
    data: PostCallData,
    variables: Record<string, unknown>,
    country: string,
  ): Promise<Customer | undefined> {
    const known =
      session.customerId ??
      (typeof variables.customer_id === 'string' && UUID.test(variables.customer_id)
        ? variables.customer_id
        : undefined);
    if (known) {
      const byId = (await this.customers.byIds([known])).get(known);
      if (byId) return byId;
    }
    const caller =
      text(variables.system__caller_id) ??
      (data.metadata?.phone_call?.direction === 'inbound'
        ? text(data.metadata?.phone_call?.external_number)
        : undefined);
    const phone = caller ? toE164(caller, country) : null;
    if (!phone) return undefined;
    const existing = await this.db.repo(Customer).findOneBy({ phone });
    if (existing) return existing;
    const collected = data.analysis?.data_collection_results as
      Record<string, { value?: unknown }> | undefined;
    const [firstName, ...rest] = (text(collected?.customer_name?.value) ?? '')
      .split(/\s+/)
      .filter(Boolean);
    const created = await this.customers.create({
      phone,
      firstName: firstName ?? null,
      lastName: rest.join(' ') || null,
    });
    this.logger.log(`Created customer ${displayName(created)} from a call`);
    return this.db.repo(Customer).findOneByOrFail({ id: created.id });
  }

  private async createRecord(
    session: VoiceSession,
    customer: Customer,
    extraction: Extraction,
  ): Promise<Partial<VoiceSession>> {
    const origin = { voiceSessionId: session.id, callId: session.callId ?? undefined };
    if (extraction.intent === 'booking' && extraction.startsAt) {
      const existing = await this.db.repo(Booking).findOneBy({ voiceSessionId: session.id });
      const booking =
        existing ??
        (await this.bookings.create(
          {
            customerId: customer.id,
            service: extraction.service || 'Appointment',
            startsAt: extraction.startsAt.toISOString(),
            endsAt: extraction.durationMinutes
              ? new Date(
                  extraction.startsAt.getTime() + extraction.durationMinutes * 60_000,
                ).toISOString()
              : undefined,
            notes: extraction.notes,
          },
          origin,
        ));
      return { outcome: VoiceOutcome.BookingCreated, bookingId: booking.id };
    }
    if (extraction.intent === 'support' || extraction.intent === 'booking') {
      // A booking wish without an agreed time still needs a person: it becomes a ticket.
      const ticketFields =
        extraction.intent === 'support'
          ? {
              subject: extraction.subject,
              description: extraction.description,
              priority: extraction.priority,
            }
          : {
              subject: `Booking request: ${extraction.service || 'appointment'} (no time agreed)`,
              description: session.summary ?? undefined,
              priority: TicketPriority.Normal,
            };
      const existing = await this.db.repo(Ticket).findOneBy({ voiceSessionId: session.id });
      const ticket =
        existing ??
        (await this.tickets.create(
          { customerId: customer.id, ...ticketFields },
          { source: TicketSource.Voice, ...origin },
        ));
      return { outcome: VoiceOutcome.TicketCreated, ticketId: ticket.id };
    }
    return { outcome: VoiceOutcome.NoAction };
  }
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import {
  CallDirection,
  CallEventView,
  callOutcome,
  CallStatus,
  CallView,
  VoicePurpose,
} from '@navaia/shared';

export type TelephonyProviderKind = 'twilio' | 'elevenlabs' | 'simulator';
export type CallEventSource = CallEventView['source'];

@Entity('calls')
export class Call {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid', { nullable: true }) customerId!: string | null;
  @Column('uuid', { nullable: true }) campaignId!: string | null;
  @Column('text') direction!: CallDirection;
  @Column('text') purpose!: VoicePurpose;
  @Column('text') status!: CallStatus;
  @Column('text') provider!: TelephonyProviderKind;
  @Column('text', { nullable: true }) fromNumber!: string | null;
  @Column('text') toNumber!: string;
  @Column('text', { nullable: true }) providerCallSid!: string | null;
  @Column('text', { nullable: true }) conversationId!: string | null;
  @Column('uuid', { nullable: true }) voiceSessionId!: string | null;
  @Column('timestamptz') queuedAt!: Date;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) answeredAt!: Date | null;
  @Column('timestamptz', { nullable: true }) endedAt!: Date | null;
  @Column('integer', { nullable: true }) durationSec!: number | null;
  @Column('text', { nullable: true }) answeredBy!: string | null;
  @Column('text', { nullable: true }) failureReason!: string | null;
  @Column('uuid', { nullable: true }) requestedById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('call_events')
export class CallEvent {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid') callId!: string;
  @Column('text', { nullable: true }) status!: CallStatus | null;
  @Column('text') source!: CallEventSource;
  @Column('integer', { nullable: true }) sequenceNumber!: number | null;
  @Column('text', { nullable: true }) detail!: string | null;
  @Column('boolean') applied!: boolean;
  @Column('timestamptz') occurredAt!: Date;
}

export type CallAttemptState = 'sending' | 'sent' | 'refused';

@Entity('call_attempts')
export class CallAttempt {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid') callId!: string;
  @Column('text') provider!: TelephonyProviderKind;
  @Column('text') state!: CallAttemptState;
  @Column('text', { nullable: true }) providerCallSid!: string | null;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('timestamptz') requestedAt!: Date;
  @Column('timestamptz', { nullable: true }) answeredAt!: Date | null;
}

export function toCallView(
  c: Call,
  extra: {
    customer: CallView['customer'];
    ticketId?: string | null;
    bookingId?: string | null;
  },
): CallView {
  return {
    id: c.id,
    status: c.status,
    direction: c.direction,
    purpose: c.purpose,
    provider: c.provider,
    customerId: c.customerId,
    customer: extra.customer,
    campaignId: c.campaignId,
    from: c.fromNumber,
    to: c.toNumber,
    providerCallSid: c.providerCallSid,
    conversationId: c.conversationId,
    voiceSessionId: c.voiceSessionId,
    queuedAt: c.queuedAt.toISOString(),
    startedAt: c.startedAt?.toISOString() ?? null,
    answeredAt: c.answeredAt?.toISOString() ?? null,
    endedAt: c.endedAt?.toISOString() ?? null,
    durationSec: c.durationSec,
    answeredBy: c.answeredBy,
    outcome: callOutcome(c.status, c.answeredBy),
    failureReason: c.failureReason,
    ticketId: extra.ticketId ?? null,
    bookingId: extra.bookingId ?? null,
  };
}

export function toCallEventView(e: CallEvent): CallEventView {
  return {
    id: e.id,
    status: e.status,
    source: e.source,
    detail: e.detail,
    sequenceNumber: e.sequenceNumber,
    applied: e.applied,
    occurredAt: e.occurredAt.toISOString(),
  };
}

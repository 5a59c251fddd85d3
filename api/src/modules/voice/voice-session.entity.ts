import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TranscriptTurnView, VoiceOutcome, VoicePurpose, VoiceSessionView } from '@navaia/shared';

export type VoiceChannel = 'browser' | 'phone';
export type VoiceProviderKind = 'elevenlabs' | 'simulator';
export type VoiceSessionStatus = 'created' | 'in_progress' | 'ended' | 'failed';

@Entity('voice_sessions')
export class VoiceSession {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') purpose!: VoicePurpose;
  @Column('text') channel!: VoiceChannel;
  @Column('text') provider!: VoiceProviderKind;
  @Column('text') status!: VoiceSessionStatus;
  @Column('uuid', { nullable: true }) customerId!: string | null;
  @Column('uuid', { nullable: true }) callId!: string | null;
  @Column('text', { nullable: true }) conversationId!: string | null;
  @Column('text', { nullable: true }) agentId!: string | null;
  @Column('jsonb') dynamicVariables!: Record<string, string | number | boolean>;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) endedAt!: Date | null;
  @Column('integer', { nullable: true }) durationSec!: number | null;
  @Column('jsonb') transcript!: TranscriptTurnView[];
  @Column('text', { nullable: true }) summary!: string | null;
  @Column('jsonb', { nullable: true }) analysis!: object | null;
  @Column('text', { nullable: true }) outcome!: VoiceOutcome | null;
  @Column('uuid', { nullable: true }) ticketId!: string | null;
  @Column('uuid', { nullable: true }) bookingId!: string | null;
  @Column('text', { nullable: true }) failureReason!: string | null;
  @Column('text', { nullable: true }) audioPath!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export function toVoiceSessionView(
  s: VoiceSession,
  customer: VoiceSessionView['customer'],
): VoiceSessionView {
  return {
    id: s.id,
    purpose: s.purpose,
    channel: s.channel,
    provider: s.provider,
    status: s.status,
    customerId: s.customerId,
    customer,
    callId: s.callId,
    conversationId: s.conversationId,
    startedAt: s.startedAt?.toISOString() ?? null,
    endedAt: s.endedAt?.toISOString() ?? null,
    durationSec: s.durationSec,
    transcript: s.transcript,
    summary: s.summary,
    analysis: s.analysis as Record<string, unknown> | null,
    outcome: s.outcome,
    ticketId: s.ticketId,
    bookingId: s.bookingId,
    failureReason: s.failureReason,
    createdAt: s.createdAt.toISOString(),
  };
}

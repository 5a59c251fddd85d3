import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  CallingWindow,
  CampaignStatus,
  CampaignView,
  RecipientStatus,
  RecipientView,
  VoicePurpose,
} from '@navaia/shared';

@Entity('campaigns')
export class Campaign {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') purpose!: VoicePurpose;
  @Column('text', { nullable: true }) firstMessage!: string | null;
  @Column('timestamptz', { nullable: true }) scheduledAt!: Date | null;
  @Column('jsonb', { nullable: true }) callingWindow!: CallingWindow | null;
  @Column('integer') maxConcurrentCalls!: number;
  @Column('integer') maxAttempts!: number;
  @Column('integer') retryDelayMinutes!: number;
  @Column('jsonb') variables!: Record<string, string>;
  @Column('text') status!: CampaignStatus;
  @Column('text', { nullable: true }) pausedReason!: string | null;
  @Column('timestamptz', { nullable: true }) startedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) completedAt!: Date | null;
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

@Entity('campaign_recipients')
export class CampaignRecipient {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid') campaignId!: string;
  @Column('uuid') customerId!: string;
  @Column('text') status!: RecipientStatus;
  @Column('integer') attempts!: number;
  @Column('timestamptz', { nullable: true }) nextAttemptAt!: Date | null;
  @Column('uuid', { nullable: true }) lastCallId!: string | null;
  @Column('text', { nullable: true }) lastOutcome!: string | null;
  /** The likeliest of `timezones`. */
  @Column('text') timezone!: string;
  /** Every zone the customer may be in; a call must suit all of them. */
  @Column('text', { array: true }) timezones!: string[];
  @Column('jsonb') variables!: Record<string, string>;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export function toCampaignView(c: Campaign, progress: CampaignView['progress']): CampaignView {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    purpose: c.purpose,
    firstMessage: c.firstMessage,
    scheduledAt: c.scheduledAt?.toISOString() ?? null,
    callingWindow: c.callingWindow,
    maxConcurrentCalls: c.maxConcurrentCalls,
    maxAttempts: c.maxAttempts,
    retryDelayMinutes: c.retryDelayMinutes,
    variables: c.variables,
    status: c.status,
    pausedReason: c.pausedReason,
    startedAt: c.startedAt?.toISOString() ?? null,
    completedAt: c.completedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    progress,
  };
}

export function toRecipientView(
  r: CampaignRecipient,
  customer: RecipientView['customer'],
  produced: { ticketId: string | null; bookingId: string | null } = {
    ticketId: null,
    bookingId: null,
  },
): RecipientView {
  return {
    customerId: r.customerId,
    customer,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.nextAttemptAt?.toISOString() ?? null,
    lastCallId: r.lastCallId,
    lastOutcome: r.lastOutcome,
    ticketId: produced.ticketId,
    bookingId: produced.bookingId,
    timezone: r.timezone,
    timezones: r.timezones,
    variables: r.variables,
    updatedAt: r.updatedAt.toISOString(),
  };
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

export type WebhookProvider = 'elevenlabs' | 'twilio';
export type WebhookEventStatus = 'received' | 'processed' | 'unmatched' | 'failed';

/** The inbox: every accepted provider event, stored before anything else happens. */
@Entity('webhook_events')
export class WebhookEvent {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { nullable: true }) tenantId!: string | null;
  @Column('text') provider!: WebhookProvider;
  @Column('text') type!: string;
  @Column('text') externalId!: string;
  @Column('text') status!: WebhookEventStatus;
  @Column('jsonb') payload!: Record<string, unknown>;
  @Column('integer') attempts!: number;
  @Column('text', { nullable: true }) error!: string | null;
  @Column('uuid', { nullable: true }) voiceSessionId!: string | null;
  @Column('timestamptz') receivedAt!: Date;
  @Column('timestamptz', { nullable: true }) processedAt!: Date | null;
}

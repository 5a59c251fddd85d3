import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookDeliveryStatus, WebhookDeliveryView } from '@navaia/shared';

@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid') endpointId!: string;
  @Column('text') eventType!: string;
  @Column('text') webhookId!: string;
  @Column('text') body!: string;
  @Column('text') status!: WebhookDeliveryStatus;
  @Column('integer') attempts!: number;
  @Column('integer') maxAttempts!: number;
  @Column('timestamptz', { nullable: true }) nextAttemptAt!: Date | null;
  @Column('timestamptz', { nullable: true }) lastAttemptAt!: Date | null;
  @Column('integer', { nullable: true }) lastStatusCode!: number | null;
  @Column('text', { nullable: true }) lastError!: string | null;
  @Column('text', { nullable: true }) responseSnippet!: string | null;
  @Column('timestamptz', { nullable: true }) deliveredAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookDeliveryView(d: WebhookDelivery): WebhookDeliveryView {
  return {
    id: d.id,
    endpointId: d.endpointId,
    eventType: d.eventType,
    webhookId: d.webhookId,
    status: d.status,
    attempts: d.attempts,
    lastStatusCode: d.lastStatusCode,
    lastError: d.lastError,
    responseSnippet: d.responseSnippet,
    nextAttemptAt: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    lastAttemptAt: iso(d.lastAttemptAt),
    deliveredAt: iso(d.deliveredAt),
    createdAt: d.createdAt.toISOString(),
  };
}

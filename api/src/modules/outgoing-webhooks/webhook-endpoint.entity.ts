import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { WebhookEndpointView, WebhookEventType } from '@navaia/shared';

@Entity('webhook_endpoints')
export class WebhookEndpoint {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') url!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text', { array: true }) eventTypes!: WebhookEventType[];
  @Column('boolean') enabled!: boolean;
  @Column('text', { nullable: true }) disabledReason!: string | null;
  @Column('timestamptz', { nullable: true }) disabledAt!: Date | null;
  @Column('text') secret!: string;
  @Column('text', { nullable: true }) previousSecret!: string | null;
  @Column('timestamptz', { nullable: true }) previousSecretExpiresAt!: Date | null;
  @Column('integer') consecutiveFailures!: number;
  @Column('timestamptz', { nullable: true }) failingSince!: Date | null;
  @Column('timestamptz', { nullable: true }) lastSuccessAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** The secrets a delivery is signed with now: the current one, and the previous one during the overlap. */
export function signingSecrets(endpoint: WebhookEndpoint, now = new Date()): string[] {
  const previousValid =
    endpoint.previousSecret &&
    endpoint.previousSecretExpiresAt &&
    endpoint.previousSecretExpiresAt > now;
  return previousValid ? [endpoint.secret, endpoint.previousSecret!] : [endpoint.secret];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toWebhookEndpointView(e: WebhookEndpoint, now = new Date()): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    eventTypes: e.eventTypes,
    enabled: e.enabled,
    disabledReason: e.disabledReason,
    disabledAt: iso(e.disabledAt),
    previousSecretExpiresAt:
      e.previousSecretExpiresAt && e.previousSecretExpiresAt > now
        ? e.previousSecretExpiresAt.toISOString()
        : null,
    consecutiveFailures: e.consecutiveFailures,
    failingSince: iso(e.failingSince),
    lastSuccessAt: iso(e.lastSuccessAt),
    createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(),
  };
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Customer } from '../customer/customer.entity';
import { TicketPriority, TicketSource, TicketStatus, TicketView } from '@navaia/shared';

@Entity('tickets')
export class Ticket {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('integer') number!: number;
  @Column('uuid') customerId!: string;
  @Column('text') subject!: string;
  @Column('text', { nullable: true }) description!: string | null;
  @Column('text') priority!: TicketPriority;
  @Column('text') status!: TicketStatus;
  @Column('text') source!: TicketSource;
  @Column('uuid', { nullable: true }) assigneeId!: string | null;
  @Column('uuid', { nullable: true }) voiceSessionId!: string | null;
  @Column('uuid', { nullable: true }) callId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** Joined by lists, so a page and its customers' names cost one query. */
  customer?: Customer;
  @Column('timestamptz', { nullable: true }) resolvedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) closedAt!: Date | null;
}

export function toTicketView(t: Ticket, customer: TicketView['customer']): TicketView {
  return {
    id: t.id,
    number: t.number,
    subject: t.subject,
    description: t.description,
    priority: t.priority,
    status: t.status,
    source: t.source,
    customerId: t.customerId,
    customer,
    assigneeId: t.assigneeId,
    voiceSessionId: t.voiceSessionId,
    callId: t.callId,
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
    resolvedAt: t.resolvedAt?.toISOString() ?? null,
    closedAt: t.closedAt?.toISOString() ?? null,
  };
}

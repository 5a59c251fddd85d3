import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Customer } from '../customer/customer.entity';
import { BookingStatus, BookingView } from '@navaia/shared';

/** bigint comes back from pg as a string; amounts stay well inside Number's exact range. */
const cents = { to: (v: number) => v, from: (v: string | null) => (v === null ? 0 : Number(v)) };

@Entity('bookings')
export class Booking {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid') customerId!: string;
  @Column('text') service!: string;
  @Column('timestamptz') startsAt!: Date;
  @Column('timestamptz', { nullable: true }) endsAt!: Date | null;
  @Column('bigint', { transformer: cents }) amountCents!: number;
  @Column('text') currency!: string;
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('text') status!: BookingStatus;
  @Column('uuid', { nullable: true }) voiceSessionId!: string | null;
  @Column('uuid', { nullable: true }) callId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
  /** Joined by lists, so a page and its customers' names cost one query. */
  customer?: Customer;
}

export function toBookingView(b: Booking, customer: BookingView['customer']): BookingView {
  return {
    id: b.id,
    customerId: b.customerId,
    customer,
    service: b.service,
    startsAt: b.startsAt.toISOString(),
    endsAt: b.endsAt?.toISOString() ?? null,
    amountCents: b.amountCents,
    currency: b.currency,
    notes: b.notes,
    status: b.status,
    voiceSessionId: b.voiceSessionId,
    callId: b.callId,
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { CustomerView, displayName } from '@navaia/shared';
import { customerZones } from '../../common/time/customer-zones';

@Entity('customers')
export class Customer {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text', { nullable: true }) firstName!: string | null;
  @Column('text', { nullable: true }) lastName!: string | null;
  @Column('text', { nullable: true }) email!: string | null;
  @Column('text') phone!: string;
  @Column('text', { nullable: true }) timezone!: string | null;
  @Column('text', { array: true }) tags!: string[];
  @Column('text', { nullable: true }) notes!: string | null;
  @Column('boolean') doNotCall!: boolean;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

/** The customer as the API shows them; `tenantZone` completes the zones of their calling hours. */
export function toCustomerView(c: Customer, tenantZone: string): CustomerView {
  return {
    id: c.id,
    displayName: displayName(c),
    firstName: c.firstName,
    lastName: c.lastName,
    email: c.email,
    phone: c.phone,
    timezone: c.timezone,
    localZones: customerZones(c, tenantZone),
    tags: c.tags,
    notes: c.notes,
    doNotCall: c.doNotCall,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** What other records show of their customer. */
export function customerRef(c: Customer | undefined): { id: string; displayName: string } | null {
  return c ? { id: c.id, displayName: displayName(c) } : null;
}

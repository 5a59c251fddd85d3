import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  CallingWindow,
  TenantLimits,
  TenantTelephonySettings,
  TenantView,
  TenantVoiceSettings,
} from '@navaia/shared';

@Entity('tenants')
export class Tenant {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
  @Column('text') timezone!: string;
  @Column('text') defaultCountry!: string;
  @Column('jsonb') callingWindow!: CallingWindow;
  @Column('jsonb') limits!: TenantLimits;
  @Column('jsonb') voice!: TenantVoiceSettings;
  @Column('jsonb') telephony!: TenantTelephonySettings;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export function toTenantView(t: Tenant): TenantView {
  return {
    id: t.id,
    name: t.name,
    timezone: t.timezone,
    defaultCountry: t.defaultCountry,
    callingWindow: t.callingWindow,
    limits: t.limits,
    voice: t.voice,
    telephony: t.telephony,
    createdAt: t.createdAt.toISOString(),
  };
}

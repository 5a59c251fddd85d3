import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { AuditAction, AuditActorType } from '@navaia/shared';

@Entity('audit_log')
export class AuditLogEntry {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') actorType!: AuditActorType;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') action!: AuditAction;
  @Column('text') entityType!: string;
  @Column('text') entityId!: string;
  @Column('jsonb', { nullable: true }) before!: object | null;
  @Column('jsonb', { nullable: true }) after!: object | null;
  @Column('text', { nullable: true }) requestId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

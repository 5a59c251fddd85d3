import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type AuditAction = 'create' | 'update' | 'delete' | 'login' | 'password_change';
export type ActorType = 'user' | 'api_key' | 'system';

@Entity('audit_log')
export class AuditLogEntry {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') actorType!: ActorType;
  @Column('uuid', { nullable: true }) actorId!: string | null;
  @Column('text') action!: AuditAction;
  @Column('text') entityType!: string;
  @Column('text') entityId!: string;
  @Column('jsonb', { nullable: true }) before!: object | null;
  @Column('jsonb', { nullable: true }) after!: object | null;
  @Column('text', { nullable: true }) requestId!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

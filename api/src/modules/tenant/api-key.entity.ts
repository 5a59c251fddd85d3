import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Integrator credentials; stored hashed, looked up by their public prefix. */
@Entity('api_keys')
export class ApiKey {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') name!: string;
  @Column('text') prefix!: string;
  @Column('text', { select: false }) keyHash!: string;
  @Column('text', { array: true }) scopes!: string[];
  @Column('uuid', { nullable: true }) createdById!: string | null;
  @Column('timestamptz', { nullable: true }) expiresAt!: Date | null;
  @Column('timestamptz', { nullable: true }) lastUsedAt!: Date | null;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @Column('uuid', { nullable: true }) rotatedToId!: string | null;
  @Column('timestamptz', { nullable: true }) graceUntil!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

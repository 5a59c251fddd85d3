import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export type RefreshRevokeReason =
  'rotated' | 'logout' | 'reuse' | 'password_changed' | 'user_removed';

/** One link in a rotation chain; every token of a login shares its `familyId`. */
@Entity('refresh_tokens')
export class RefreshToken {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('uuid') userId!: string;
  @Column('uuid') familyId!: string;
  @Column('text') tokenHash!: string;
  @Column('timestamptz') expiresAt!: Date;
  @Column('timestamptz', { nullable: true }) revokedAt!: Date | null;
  @Column('text', { nullable: true }) revokedReason!: RefreshRevokeReason | null;
  @Column('uuid', { nullable: true }) replacedById!: string | null;
  @Column('text', { nullable: true }) userAgent!: string | null;
  @Column('text', { nullable: true }) ip!: string | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Role, UserView } from '@navaia/shared';

@Entity('users')
export class User {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid') tenantId!: string;
  @Column('text') name!: string;
  @Column('text') email!: string;
  @Column('text') role!: Role;
  @Column('text', { select: false }) passwordHash!: string;
  @Column('boolean') mustChangePassword!: boolean;
  /** Raised to end every access token signed before; see TokenVersions. */
  @Column('integer') tokenVersion!: number;
  @Column('timestamptz', { nullable: true }) lastLoginAt!: Date | null;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}

export function toUserView(u: User): UserView {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt ? u.lastLoginAt.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
  };
}

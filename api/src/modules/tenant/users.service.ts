import { Injectable } from '@nestjs/common';
import {
  CreateUserDto,
  MemberView,
  Page,
  PageQueryDto,
  Role,
  UpdateUserDto,
  UserView,
} from '@navaia/shared';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { AuditService } from '../audit/audit.service';
import { AuthErrors } from '../auth/auth.exception';
import { PasswordHasher } from '../auth/password-hasher';
import { TokenVersions } from '../auth/token-versions';
import { toUserView, User } from './user.entity';
import { TenantErrors } from './tenant.exception';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly audit: AuditService,
    private readonly hasher: PasswordHasher,
    private readonly versions: TokenVersions,
  ) {}

  async list(query: PageQueryDto): Promise<Page<UserView>> {
    const page = await keysetPage(this.db.repo(User).createQueryBuilder('u'), query, [
      { column: 'u.id', property: 'id', direction: 'ASC' },
    ]);
    return { data: page.data.map(toUserView), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<User> {
    const user = await this.db.repo(User).findOneBy({ id });
    if (!user) throw TenantErrors.userNotFound();
    return user;
  }

  /** Every member, by name, as any role may see them. */
  async directory(): Promise<MemberView[]> {
    const users = await this.db
      .repo(User)
      .find({ select: { id: true, name: true, role: true }, order: { name: 'ASC' } });
    return users.map(({ id, name, role }) => ({ id, name, role }));
  }

  /** A member referenced by another record's field (e.g. a ticket's assignee), or 404. */
  async getMember(id: string, field: string): Promise<User> {
    const user = await this.db.repo(User).findOneBy({ id });
    if (!user) throw TenantErrors.memberNotFound(field);
    return user;
  }

  /** A member added by an admin; the initial password must be changed at first login. */
  async create(dto: CreateUserDto): Promise<UserView> {
    if (dto.role === Role.Owner && this.context.principal.role !== Role.Owner)
      throw TenantErrors.ownerRequired();
    const user = await this.insert({ ...dto, mustChangePassword: true });
    const view = toUserView(user);
    await this.audit.record({
      action: 'create',
      entityType: 'user',
      entityId: user.id,
      after: view,
    });
    return view;
  }

  /** The first owner of a new tenant, inside its creating transaction. */
  async createOwner(input: { name: string; email: string; password: string }): Promise<User> {
    return this.insert({ ...input, role: Role.Owner, mustChangePassword: false });
  }

  private async insert(input: {
    name: string;
    email: string;
    password: string;
    role: Role;
    mustChangePassword: boolean;
  }): Promise<User> {
    const passwordHash = await this.hasher.hash(input.password);
    const id = uuidv7();
    try {
      await this.db.repo(User).insert({
        id,
        tenantId: this.context.tenantId,
        name: input.name,
        email: input.email,
        role: input.role,
        passwordHash,
        mustChangePassword: input.mustChangePassword,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw AuthErrors.emailTaken();
      throw error;
    }
    return this.get(id);
  }

  async update(id: string, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.get(id);
    const actor = this.context.principal;
    const before = toUserView(user);
    if (dto.role !== undefined && dto.role !== user.role) {
      if (id === actor.id) throw TenantErrors.cannotChangeOwnRole();
      if ((user.role === Role.Owner || dto.role === Role.Owner) && actor.role !== Role.Owner) {
        throw TenantErrors.ownerRequired();
      }
      if (user.role === Role.Owner) await this.assertAnotherOwner(id);
    } else if (user.role === Role.Owner && actor.role !== Role.Owner) {
      throw TenantErrors.ownerRequired();
    }
    await this.db
      .repo(User)
      .update({ id }, { name: dto.name ?? user.name, role: dto.role ?? user.role });
    // Access tokens carry the role: the old ones must not keep the old rights.
    if (dto.role !== undefined && dto.role !== user.role) await this.versions.raise(id);
    const after = toUserView(await this.get(id));
    await this.audit.record({ action: 'update', entityType: 'user', entityId: id, before, after });
    return after;
  }

  async remove(id: string): Promise<void> {
    const user = await this.get(id);
    const actor = this.context.principal;
    if (id === actor.id) throw TenantErrors.cannotRemoveSelf();
    if (user.role === Role.Owner) {
      if (actor.role !== Role.Owner) throw TenantErrors.ownerRequired();
      await this.assertAnotherOwner(id);
    }
    await this.db.repo(User).delete({ id });
    this.versions.removed(id);
    await this.audit.record({
      action: 'delete',
      entityType: 'user',
      entityId: id,
      before: toUserView(user),
    });
  }

  private async assertAnotherOwner(exceptId: string): Promise<void> {
    // Locks the owners so two concurrent demotions cannot both pass this check.
    const owners = await this.db
      .repo(User)
      .createQueryBuilder('u')
      .select('u.id')
      .where('u.role = :role', { role: Role.Owner })
      .setLock('pessimistic_write')
      .getMany();
    if (!owners.some((o) => o.id !== exceptId)) throw TenantErrors.lastOwner();
  }

  async passwordHashOf(id: string): Promise<string | undefined> {
    const row = await this.db
      .repo(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .getOne();
    return row?.passwordHash;
  }

  async setPassword(id: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    await this.db.repo(User).update({ id }, { passwordHash, mustChangePassword: false });
  }

  async recordLogin(id: string): Promise<void> {
    await this.db.repo(User).update({ id }, { lastLoginAt: new Date() });
  }
}

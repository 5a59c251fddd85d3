import { Inject, Injectable } from '@nestjs/common';
import {
  apiKeyStatus,
  ApiKeyView,
  CreateApiKeyDto,
  CreatedApiKey,
  normaliseScopes,
  Page,
  PageQueryDto,
  RotateApiKeyDto,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { ApiKey } from './api-key.entity';
import { ApiKeySecrets } from './api-key-secret';
import { TenantErrors } from './tenant.exception';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toApiKeyView(k: ApiKey, now = new Date()): ApiKeyView {
  return {
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes,
    status: apiKeyStatus(k, now),
    createdAt: k.createdAt.toISOString(),
    expiresAt: iso(k.expiresAt),
    lastUsedAt: iso(k.lastUsedAt),
    revokedAt: iso(k.revokedAt),
    graceUntil: iso(k.graceUntil),
    rotatedToId: k.rotatedToId,
  };
}

/** Integrators' keys: created, rotated with a grace period, revoked; stored only as hashes. */
@Injectable()
export class ApiKeysService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly audit: AuditService,
    private readonly secrets: ApiKeySecrets,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: PageQueryDto): Promise<Page<ApiKeyView>> {
    const page = await keysetPage(this.db.repo(ApiKey).createQueryBuilder('k'), query, [
      { column: 'k.id', property: 'id', direction: 'DESC' },
    ]);
    const now = new Date();
    return { data: page.data.map((k) => toApiKeyView(k, now)), nextCursor: page.nextCursor };
  }

  async create(dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    const { key, row } = await this.insert({
      name: dto.name,
      scopes: normaliseScopes(dto.scopes ?? ['*']),
      expiresAt: dto.expiresAt ? new Date(dto.expiresAt) : null,
    });
    return this.issued(key, row);
  }

  /**
   * A new key with the same name, scopes and expiry; the old one keeps working until its
   * grace period ends, so integrators can deploy the new key without downtime.
   */
  async rotate(id: string, dto: RotateApiKeyDto): Promise<CreatedApiKey> {
    const old = await this.get(id, true);
    const status = apiKeyStatus(old);
    if (status !== 'active') throw TenantErrors.apiKeyNotActive(status);
    const before = toApiKeyView(old);
    const { key, row } = await this.insert({
      name: old.name,
      scopes: old.scopes,
      expiresAt: old.expiresAt,
    });
    const grace = dto.graceSeconds ?? this.config.apiKeys.rotationGraceSeconds;
    // The database's clock, the one the key lookup compares against.
    await this.db
      .repo(ApiKey)
      .createQueryBuilder()
      .update()
      .set({ rotatedToId: row.id, graceUntil: () => 'now() + make_interval(secs => :grace)' })
      .setParameter('grace', grace)
      .where('id = :id', { id })
      .execute();
    const after = toApiKeyView(await this.get(id));
    await this.audit.record({
      action: 'rotate',
      entityType: 'api_key',
      entityId: id,
      before,
      after,
    });
    return this.issued(key, row);
  }

  /** Stops the key at once; revoking a revoked key changes nothing. */
  async revoke(id: string): Promise<void> {
    const key = await this.get(id, true);
    if (key.revokedAt) return;
    const before = toApiKeyView(key);
    await this.db.repo(ApiKey).update({ id }, { revokedAt: () => 'now()' });
    const after = toApiKeyView(await this.get(id));
    await this.audit.record({
      action: 'revoke',
      entityType: 'api_key',
      entityId: id,
      before,
      after,
    });
  }

  /** The answer that shows a new key its one time, after auditing its creation (without it). */
  private async issued(key: string, row: ApiKey): Promise<CreatedApiKey> {
    const view = toApiKeyView(row);
    await this.audit.record({
      action: 'create',
      entityType: 'api_key',
      entityId: row.id,
      after: view,
    });
    return { ...view, key };
  }

  private async get(id: string, lock = false): Promise<ApiKey> {
    const qb = this.db.repo(ApiKey).createQueryBuilder('k').where('k.id = :id', { id });
    // Locked so that two concurrent rotations cannot both replace the same key.
    if (lock) qb.setLock('pessimistic_write');
    const key = await qb.getOne();
    if (!key) throw TenantErrors.apiKeyNotFound();
    return key;
  }

  private async insert(input: {
    name: string;
    scopes: string[];
    expiresAt: Date | null;
  }): Promise<{ key: string; row: ApiKey }> {
    const principal = this.context.principal;
    // A prefix is 71 random bits: a collision (a 409 through the unique index) is not worth
    // a retry path.
    const secret = this.secrets.generate();
    const id = uuidv7();
    await this.db.repo(ApiKey).insert({
      id,
      tenantId: this.context.tenantId,
      name: input.name,
      prefix: secret.prefix,
      keyHash: secret.hash,
      scopes: input.scopes,
      expiresAt: input.expiresAt,
      createdById: principal.type === 'user' ? principal.id : null,
    });
    return { key: secret.key, row: await this.get(id) };
  }
}

import { Injectable } from '@nestjs/common';
import { Role } from '@navaia/shared';
import { DataSource } from 'typeorm';
import type { Principal } from '../../common/tenancy/principal';
import { ApiKeySecrets } from '../tenant/api-key-secret';

/**
 * Authenticates `X-API-Key`. A key acts as an admin of its tenant at most, narrowed further
 * by its scopes (checked by AccessGuard). Nothing is cached, so a revoked key stops at once
 * on every process.
 */
@Injectable()
export class ApiKeyStrategy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: ApiKeySecrets,
  ) {}

  async authenticate(presented: string): Promise<Principal | null> {
    const parsed = this.secrets.parse(presented);
    if (!parsed) return null;
    // Before authentication there is no tenant: the lookup goes through the narrow
    // SECURITY DEFINER function, which answers only for a working key with this hash.
    const [row]: { id: string; tenant_id: string; scopes: string[] }[] =
      await this.dataSource.query('SELECT * FROM auth_use_api_key($1, $2)', [
        parsed.prefix,
        parsed.hash,
      ]);
    if (!row) return null;
    return {
      type: 'api_key',
      id: row.id,
      tenantId: row.tenant_id,
      role: Role.Admin,
      scopes: row.scopes,
      mustChangePassword: false,
    };
  }
}

import { AuditLogEntry } from '../../modules/audit/audit-log.entity';
import { RefreshToken } from '../../modules/auth/refresh-token.entity';
import { ApiKey } from '../../modules/tenant/api-key.entity';
import { Tenant } from '../../modules/tenant/tenant.entity';
import { User } from '../../modules/tenant/user.entity';

/** Every entity the application maps; listed once so the runtime and tools agree. */
export const entities = [Tenant, User, RefreshToken, ApiKey, AuditLogEntry];

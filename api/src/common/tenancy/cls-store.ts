import type { EntityManager } from 'typeorm';
import type { Principal } from './principal';

/** What the request (or job) context holds; read and written only through TenantContext. */
export interface AppClsStore {
  requestId?: string;
  principal?: Principal;
  tenantId?: string;
  /** The manager of the open tenant transaction (app.tenant_id is set on it). */
  entityManager?: EntityManager;
  /** Work to do once the open tenant transaction has committed (never if it rolls back). */
  afterCommit?: (() => Promise<void>)[];
}

import type { QueryRunner } from 'typeorm';
import type { Principal } from './principal';

/** What the request (or job) context holds; read and written only through TenantContext. */
export interface AppClsStore {
  requestId?: string;
  principal?: Principal;
  tenantId?: string;
  /** The tenant transaction of this unit of work, shared with the contexts it starts. */
  transaction?: TenantTransaction;
}

export interface TenantTransaction {
  tenantId: string;
  /** The open transaction's connection (app.tenant_id is set on it); null once it ended. */
  runner: QueryRunner | null;
  /** Work to do once the open transaction has committed (never if it rolls back). */
  afterCommit: (() => Promise<void>)[];
}

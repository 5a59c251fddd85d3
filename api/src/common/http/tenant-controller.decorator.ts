import { applyDecorators, Controller, UseInterceptors } from '@nestjs/common';
import { TenantTransactionInterceptor } from '../database/tenant-transaction.interceptor';

/**
 * A controller whose routes touch tenant data: each request runs in the tenant
 * transaction of its principal. Without it, TenantDb throws (fail closed), and a test
 * checks that every authenticated route is under it.
 */
export const TenantScopedController = (path: string) =>
  applyDecorators(Controller(path), UseInterceptors(TenantTransactionInterceptor));

/**
 * The root of every query key, per resource. Feature query options build their keys on these,
 * and mutations invalidate through them, so a new ticket refreshes the customer's tab and the
 * dashboard without one feature importing another. Each root starts with the tenant id, so one
 * tenant's cache can never answer for another.
 */
export const queryRoots = {
  customers: (tenantId: string) => [tenantId, 'customers'] as const,
  tickets: (tenantId: string) => [tenantId, 'tickets'] as const,
  bookings: (tenantId: string) => [tenantId, 'bookings'] as const,
  members: (tenantId: string) => [tenantId, 'members'] as const,
  dashboard: (tenantId: string) => [tenantId, 'dashboard'] as const,
  voiceSessions: (tenantId: string) => [tenantId, 'voiceSessions'] as const,
  webhookEndpoints: (tenantId: string) => [tenantId, 'webhookEndpoints'] as const,
  apiKeys: (tenantId: string) => [tenantId, 'apiKeys'] as const,
  auditLog: (tenantId: string) => [tenantId, 'auditLog'] as const,
  calls: (tenantId: string) => [tenantId, 'calls'] as const,
  campaigns: (tenantId: string) => [tenantId, 'campaigns'] as const,
};

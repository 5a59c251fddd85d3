/** Every queue of the application. */
export enum QueueName {
  Maintenance = 'maintenance',
}

/** Every job name, per queue. */
export enum MaintenanceJob {
  /** Repeating: fans out one PurgeTenant job per tenant. */
  PurgeExpired = 'purge-expired',
  PurgeTenant = 'purge-tenant',
}

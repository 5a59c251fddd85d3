/** Error codes of the health and metrics routes. */
export enum HealthErrorCode {
  MetricsDisabled = 'metrics_disabled',
}

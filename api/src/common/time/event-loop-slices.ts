import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Long synchronous work cut into slices: `pause()` hands the event loop back once the current
 * slice has run `sliceMs`, so other requests (health checks, other tenants) are served between
 * slices instead of waiting for the whole job.
 */
export class EventLoopSlices {
  private sliceStart = performance.now();

  constructor(private readonly sliceMs = 20) {}

  async pause(): Promise<void> {
    if (performance.now() - this.sliceStart < this.sliceMs) return;
    await nextTurn();
    this.sliceStart = performance.now();
  }
}

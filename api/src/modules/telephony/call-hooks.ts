import { Injectable } from '@nestjs/common';
import type { CallStatus } from '@navaia/shared';
import type { Call } from './call.entity';

/** What a module dialing on behalf of something (a campaign) wants to hear about its calls. */
export interface CallObserver {
  /** Before dialing a queued call: false withdraws it (its campaign paused, say). */
  mayDial(call: Call): Promise<boolean>;
  /** After a status change from `previous` was applied (inside the same transaction). */
  callChanged(call: Call, previous: CallStatus): Promise<void>;
}

/**
 * Lets campaigns, which build on telephony, follow their calls without telephony depending
 * on campaigns. Calls without a campaign never reach the observer.
 */
@Injectable()
export class CallHooks {
  private observer?: CallObserver;

  register(observer: CallObserver): void {
    this.observer = observer;
  }

  async mayDial(call: Call): Promise<boolean> {
    return !call.campaignId || !this.observer || this.observer.mayDial(call);
  }

  async callChanged(call: Call, previous: CallStatus): Promise<void> {
    if (call.campaignId) await this.observer?.callChanged(call, previous);
  }
}

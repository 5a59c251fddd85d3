import { Inject, Injectable, Logger } from '@nestjs/common';
import { RetryPolicy, withRetry } from '../../../common/async/retry';
import { APP_CONFIG, AppConfig, SimulatorSpeed } from '../../../config/config';
import { signElevenLabs } from '../../webhooks/elevenlabs-signature';
import { ELEVENLABS_WEBHOOK_PATH } from '../../webhooks/webhook-routes';

/** How the simulated providers redeliver a webhook the receiver did not process. */
const REDELIVERY: RetryPolicy = { attempts: 5, baseDelayMs: 800 };

/**
 * POSTs a simulated webhook, redelivering while the receiver answers a status `redelivered`
 * accepts or does not answer at all. `request` is built for each attempt, so a signature that
 * carries a timestamp is fresh. Resolves with the final answer; rejects with the last failure
 * once the attempts are spent.
 */
export function deliverSimulatedWebhook(
  url: string,
  request: () => { headers: Record<string, string>; body: string },
  redelivered: (status: number) => boolean,
): Promise<Response> {
  return withRetry(
    async () => {
      const response = await fetch(url, { method: 'POST', ...request() });
      if (redelivered(response.status)) throw new Error(`the receiver answered ${response.status}`);
      return response;
    },
    REDELIVERY,
    () => true,
  );
}

/**
 * Delivers simulated provider webhooks to the app's own public endpoint, signed with the
 * configured secret: the whole pipeline (signature, inbox, tenant resolution, extraction)
 * runs exactly as for ElevenLabs. Retries like ElevenLabs does when retries are enabled.
 */
@Injectable()
export class SimulatorWebhooks {
  private readonly logger = new Logger(SimulatorWebhooks.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Sends after the simulated processing delay; does not wait for it. */
  send(event: object): void {
    const delayMs = this.config.simulatorSpeed === SimulatorSpeed.Fast ? 50 : 1500;
    const delivery = new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(() =>
      this.deliver(event),
    );
    this.pending.add(delivery);
    void delivery.finally(() => this.pending.delete(delivery));
  }

  /** Resolves once every scheduled delivery has finished (tests, shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async deliver(event: object): Promise<void> {
    const body = JSON.stringify(event);
    const url = `${this.config.publicBaseUrl}${ELEVENLABS_WEBHOOK_PATH}`;
    try {
      const response = await deliverSimulatedWebhook(
        url,
        () => ({
          headers: {
            'content-type': 'application/json',
            'elevenlabs-signature': signElevenLabs(body, this.config.elevenLabs.webhookSecrets[0]),
          },
          body,
        }),
        (status) => status >= 500 || status === 429 || status === 408,
      );
      if (!response.ok) this.logger.error(`Simulated webhook refused with ${response.status}`);
    } catch (error) {
      this.logger.error(
        `Simulated webhook to ${url} not delivered after ${REDELIVERY.attempts} attempts: ${(error as Error).message}`,
      );
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, SimulatorSpeed } from '../../../config/config';
import { signElevenLabs } from '../../webhooks/elevenlabs-signature';
import { ELEVENLABS_WEBHOOK_PATH } from '../../webhooks/webhook-routes';

const ATTEMPTS = 5;

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
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'elevenlabs-signature': signElevenLabs(body, this.config.elevenLabs.webhookSecrets[0]),
          },
          body,
        });
        if (
          response.ok ||
          (response.status < 500 && response.status !== 429 && response.status !== 408)
        ) {
          if (!response.ok) this.logger.error(`Simulated webhook refused with ${response.status}`);
          return;
        }
      } catch (error) {
        this.logger.warn(
          `Simulated webhook delivery ${attempt} failed: ${(error as Error).message}`,
        );
      }
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
    this.logger.error(`Simulated webhook to ${url} not delivered after ${ATTEMPTS} attempts`);
  }
}

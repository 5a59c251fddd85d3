import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { metricsRegistry } from '../../common/http/metrics';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { readElevenLabsSignatureHeader, verifyElevenLabsSignature } from './elevenlabs-signature';
import { WebhookErrors } from './webhooks.exception';
import { AcceptedEvent, WebhookInboxService } from './webhook-inbox.service';

const rejected = new Counter({
  name: 'webhook_signature_rejections_total',
  help: 'Webhook deliveries refused for their signature, by provider and reason',
  labelNames: ['provider', 'reason'] as const,
  registers: [metricsRegistry],
});

const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * ElevenLabs post-call webhooks: verify the signature on the raw bytes, store the event in
 * the inbox (once per type and conversation), answer at once; a queue job does the rest.
 */
@Injectable()
export class ElevenLabsIntake {
  constructor(
    private readonly inbox: WebhookInboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Refuses a delivery whose signature header cannot be right, before its body is read. */
  checkHeader(signature: string | undefined): void {
    const read = readElevenLabsSignatureHeader(signature);
    if (!read.ok) {
      rejected.inc({ provider: 'elevenlabs', reason: read.reason });
      throw WebhookErrors.invalidSignature(read.reason);
    }
  }

  async receive(rawBody: Buffer, signature: string | undefined): Promise<AcceptedEvent> {
    const check = verifyElevenLabsSignature(
      signature,
      rawBody,
      this.config.elevenLabs.webhookSecrets,
    );
    if (!check.ok) {
      rejected.inc({ provider: 'elevenlabs', reason: check.reason });
      throw WebhookErrors.invalidSignature(check.reason);
    }
    let event: { type?: unknown; data?: { conversation_id?: unknown; full_audio?: unknown } };
    try {
      event = JSON.parse(rawBody.toString('utf8'));
    } catch {
      throw WebhookErrors.unreadable('not JSON');
    }
    const type = event.type;
    const conversationId = event.data?.conversation_id;
    if (typeof type !== 'string' || !/^[a-z_]{1,64}$/.test(type))
      throw WebhookErrors.unreadable('no event type');
    if (typeof conversationId !== 'string' || !CONVERSATION_ID.test(conversationId)) {
      throw WebhookErrors.unreadable('no conversation_id');
    }
    if (type === 'post_call_audio' && typeof event.data?.full_audio === 'string') {
      // Recordings can be many megabytes: they go to disk, the inbox keeps where.
      const path = await this.storeAudio(conversationId, event.data.full_audio);
      event.data = { ...event.data, full_audio: undefined, audio_path: path } as typeof event.data;
    }
    return this.inbox.accept('elevenlabs', type, conversationId, event);
  }

  private async storeAudio(conversationId: string, base64: string): Promise<string> {
    await mkdir(this.config.audioDir, { recursive: true });
    const path = join(this.config.audioDir, `${conversationId}.mp3`);
    await writeFile(path, Buffer.from(base64, 'base64'));
    return path;
  }
}

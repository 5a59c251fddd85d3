import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { WebhookInboxService } from '../webhooks/webhook-inbox.service';
import { VOICE_PROVIDER, VoiceProvider } from './providers/voice-provider';
import { VoiceSessionService } from './voice-session.service';

/** How long a finished conversation may take to announce itself before we ask for it. */
export const RECONCILE_GRACE_MINUTES = 10;

/**
 * ElevenLabs sends a post-call webhook once unless retries are on. Sessions that never got
 * theirs are fetched from the provider and fed through the same inbox, where the unique
 * (type, conversation) key makes a late webhook and the fetched copy one event.
 */
@Injectable()
export class VoiceReconciler {
  private readonly logger = new Logger(VoiceReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly tenantJobs: TenantJobRunner,
    private readonly sessions: VoiceSessionService,
    private readonly inbox: WebhookInboxService,
    @Inject(VOICE_PROVIDER) private readonly provider: VoiceProvider,
  ) {}

  async reconcileAll(graceMinutes = RECONCILE_GRACE_MINUTES): Promise<number> {
    const tenants: { app_tenant_ids: string }[] =
      await this.dataSource.query('SELECT app_tenant_ids()');
    let found = 0;
    for (const { app_tenant_ids: tenantId } of tenants) {
      const waiting = await this.tenantJobs.runFor(tenantId, 'voice-reconcile', () =>
        this.sessions.awaitingOutcome(graceMinutes),
      );
      for (const session of waiting) {
        const data = await this.provider
          .fetchConversation(session.conversationId!)
          .catch((error: Error) => {
            this.logger.warn(
              `Could not fetch conversation ${session.conversationId}: ${error.message}`,
            );
            return null;
          });
        if (!data) continue;
        await this.inbox.accept('elevenlabs', 'post_call_transcription', session.conversationId!, {
          type: 'post_call_transcription',
          event_timestamp: Math.floor(Date.now() / 1000),
          data,
        });
        found++;
      }
    }
    if (found) this.logger.log(`Reconciled ${found} conversations without a post-call event`);
    return found;
  }
}

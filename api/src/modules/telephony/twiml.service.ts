import { Inject, Injectable, Logger } from '@nestjs/common';
import twilio from 'twilio';
import { DataSource } from 'typeorm';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { APP_CONFIG, AppConfig, TelephonyProviderName } from '../../config/config';
import { TenantService } from '../tenant/tenant.service';
import { elevenLabsClient } from '../voice/providers/elevenlabs.provider';
import { VoiceSessionService } from '../voice/voice-session.service';
import { TwimlSource } from '../webhooks/webhook-routes';
import { Call } from './call.entity';
import { TenantDb } from '../../common/database/tenant-db';

/** Spoken when a call cannot be handed to the agent, so nobody hears dead air. */
function apology(): string {
  const response = new twilio.twiml.VoiceResponse();
  response.say('We are sorry, this call cannot be connected right now. Goodbye.');
  response.hangup();
  return response.toString();
}

/**
 * Twilio asks what to do once our call connects: ElevenLabs' register-call answers with the
 * TwiML that streams the call to the tenant's agent, with the call's dynamic variables. The
 * call is read in a transaction that ends before ElevenLabs is asked.
 */
@Injectable()
export class TwimlService extends TwimlSource {
  private readonly logger = new Logger(TwimlService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly tenantJobs: TenantJobRunner,
    private readonly tenants: TenantService,
    private readonly sessions: VoiceSessionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super();
  }

  async twimlFor(callId: string | null): Promise<string> {
    if (!callId || this.config.telephonyProvider !== TelephonyProviderName.Twilio) return apology();
    const [row]: { tenant: string | null }[] = await this.dataSource.query(
      'SELECT call_tenant($1) AS tenant',
      [callId],
    );
    if (!row?.tenant) return apology();
    // What register-call needs is read in a short transaction; ElevenLabs is asked after it.
    const registration = await this.tenantJobs.runFor(row.tenant, `twiml-${callId}`, async () => {
      const call = await this.db.repo(Call).findOneBy({ id: callId });
      const tenant = await this.tenants.current();
      const agentId = call && tenant.voice.agents[call.purpose];
      if (!call || !agentId || !call.fromNumber) return null;
      const session = call.voiceSessionId
        ? (await this.sessions.byIds([call.voiceSessionId])).get(call.voiceSessionId)
        : undefined;
      return {
        agentId,
        fromNumber: call.fromNumber,
        toNumber: call.toNumber,
        direction: 'outbound' as const,
        conversationInitiationClientData: {
          dynamicVariables: { ...(session?.dynamicVariables ?? {}), call_id: call.id },
        },
      };
    });
    if (!registration) return apology();
    try {
      return await elevenLabsClient(this.config).conversationalAi.twilio.registerCall(registration);
    } catch (error) {
      this.logger.error(`register-call for call ${callId} failed: ${(error as Error).message}`);
      return apology();
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { ElevenLabs, ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import { CallStatus } from '@navaia/shared';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { elevenLabsClient } from '../../voice/providers/elevenlabs.provider';
import { elevenLabsReason } from '../../voice/providers/elevenlabs-errors';
import { classifyHttpFailure, withProviderRetry } from './provider-retry';
import {
  DialAnswer,
  DialRefused,
  DialRequest,
  ProviderCallRef,
  ProviderCallStatus,
  TelephonyProvider,
} from './telephony-provider';

/** One request, no SDK retries: ours know which failures are safe to repeat. */
const ONCE = { maxRetries: 0, timeoutInSeconds: 20 };

/** A conversation's status as a call status: `processing` is an ended call being analysed. */
const CONVERSATION_STATUS: Record<string, CallStatus | undefined> = {
  initiated: CallStatus.Initiated,
  'in-progress': CallStatus.InProgress,
  processing: CallStatus.Completed,
  done: CallStatus.Completed,
  failed: CallStatus.Failed,
};

/**
 * ElevenLabs' native Twilio integration: the tenant's number is imported into ElevenLabs,
 * which places the call and runs the agent. There are no Twilio callbacks to us; the call
 * ends through the post-call or call_initiation_failure webhook.
 */
@Injectable()
export class ElevenLabsTelephonyProvider implements TelephonyProvider {
  readonly kind = 'elevenlabs' as const;
  private readonly client: ElevenLabsClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = elevenLabsClient(config);
  }

  async dial(request: DialRequest): Promise<DialAnswer> {
    if (!request.agentId)
      throw new DialRefused(`No ElevenLabs agent is configured for ${request.purpose}`);
    if (!request.agentPhoneNumberId)
      throw new DialRefused('No ElevenLabs phone number id is configured in the voice settings');
    const answer = await withProviderRetry(async () => {
      try {
        return await this.client.conversationalAi.twilio.outboundCall(
          {
            agentId: request.agentId!,
            agentPhoneNumberId: request.agentPhoneNumberId!,
            toNumber: request.to,
            conversationInitiationClientData: { dynamicVariables: request.dynamicVariables },
          },
          ONCE,
        );
      } catch (error) {
        const status = error instanceof ElevenLabsError ? error.statusCode : undefined;
        const reason =
          (error instanceof ElevenLabsError && elevenLabsReason(error.body)) ||
          (error as Error).message;
        throw classifyHttpFailure(
          status,
          status === undefined
            ? `ElevenLabs did not answer to call ${request.to}: ${reason}`
            : `ElevenLabs refused to call ${request.to} (${status}): ${reason}`,
        );
      }
    });
    if (!answer.success)
      throw new DialRefused(`ElevenLabs did not place the call: ${answer.message}`);
    return {
      providerCallSid: answer.callSid ?? null,
      conversationId: answer.conversationId ?? null,
      from: request.from,
    };
  }

  /**
   * The conversation's status. ElevenLabs reports outcomes by webhook (the voice reconciler
   * fetches lost ones); this settles the call itself, which a stopped process left open.
   */
  async callState({ conversationId }: ProviderCallRef): Promise<ProviderCallStatus | null> {
    if (!conversationId) return null;
    let conversation: ElevenLabs.GetConversationResponseModel;
    try {
      conversation = await this.client.conversationalAi.conversations.get(conversationId, {}, ONCE);
    } catch (error) {
      const status = error instanceof ElevenLabsError ? error.statusCode : undefined;
      if (status === 404) return null;
      const reason =
        (error instanceof ElevenLabsError && elevenLabsReason(error.body)) ||
        (error as Error).message;
      throw new Error(
        `ElevenLabs did not tell the state of conversation ${conversationId}: ${reason}`,
      );
    }
    const status = CONVERSATION_STATUS[conversation.status];
    if (!status) return null;
    const ended = status === CallStatus.Completed;
    return {
      status,
      providerStatus: conversation.status,
      durationSec: ended ? conversation.metadata?.callDurationSecs : undefined,
    };
  }
}

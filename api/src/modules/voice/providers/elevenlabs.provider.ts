import { Inject, Injectable } from '@nestjs/common';
import { ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import type { VoiceConnection } from '@navaia/shared';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { elevenLabsFailure } from './elevenlabs-errors';
import type { BrowserSessionRequest, VoiceProvider } from './voice-provider';

/** The official SDK; the base URL is configurable so tests can point it at a fake server. */
export function elevenLabsClient(config: AppConfig): ElevenLabsClient {
  return new ElevenLabsClient({
    apiKey: config.elevenLabs.apiKey,
    ...(config.elevenLabs.baseUrl ? { baseUrl: config.elevenLabs.baseUrl } : {}),
    maxRetries: 3,
    timeoutInSeconds: 20,
  });
}

@Injectable()
export class ElevenLabsVoiceProvider implements VoiceProvider {
  readonly kind = 'elevenlabs' as const;
  private readonly client: ElevenLabsClient;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = elevenLabsClient(config);
  }

  async startBrowserSession(request: BrowserSessionRequest): Promise<VoiceConnection> {
    const { agentId } = request;
    // The session service refuses earlier when the tenant has no agent; without this guard
    // the SDK would send `agent_id=undefined` and ElevenLabs would answer with a vague 422.
    if (!agentId) throw new Error(`No ElevenLabs agent is configured for ${request.purpose}`);
    try {
      // A signed URL is valid for 15 minutes to start a private agent's conversation.
      const { signedUrl } = await this.client.conversationalAi.conversations.getSignedUrl({
        agentId,
      });
      return { provider: 'elevenlabs', signedUrl, agentId };
    } catch (error) {
      throw elevenLabsFailure(`start a conversation with agent ${agentId}`, error);
    }
  }

  async fetchConversation(conversationId: string): Promise<Record<string, unknown> | null> {
    const action = `fetch conversation ${conversationId}`;
    // The post-call pipeline reads the webhook's snake_case `data`, which is exactly what this
    // endpoint returns on the wire. The SDK's typed `conversations.get` would parse it into
    // camelCase (and reject an answer missing a field its schema requires) only for us to turn
    // it back, losing map keys such as data-collection ids and dynamic variables on the way.
    // The passthrough keeps the SDK's API key, base URL, timeout and retries.
    let response: Response;
    try {
      response = await this.client.fetch(
        `/v1/convai/conversations/${encodeURIComponent(conversationId)}`,
        { method: 'GET', headers: { accept: 'application/json' } },
      );
    } catch (error) {
      throw elevenLabsFailure(action, error);
    }
    // Unknown to ElevenLabs (yet): the interface's "does not have it".
    if (response.status === 404) return null;
    const body = await readBody(response);
    if (!response.ok) {
      throw elevenLabsFailure(action, new ElevenLabsError({ statusCode: response.status, body }));
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      throw elevenLabsFailure(action, new ElevenLabsError({ statusCode: response.status, body }));
    }
    const conversation = body as Record<string, unknown>;
    // Until analysis is done there is no outcome to process; the reconciler asks again later.
    return conversation.status === 'done' ? conversation : null;
  }
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

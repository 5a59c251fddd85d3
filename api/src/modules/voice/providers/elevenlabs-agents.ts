import { ElevenLabs, ElevenLabsClient, ElevenLabsError } from '@elevenlabs/elevenlabs-js';
import type { TenantVoiceSettings } from '@navaia/shared';
import { elevenLabsFailure } from './elevenlabs-errors';

/**
 * What `npm run voice:provision` configures in ElevenLabs: per tenant one agent per purpose,
 * each with Navaia's prompt, the data-collection fields the post-call processor reads, and the
 * workspace webhook that delivers post-call events to Navaia.
 */

export const AGENT_PURPOSES = ['support', 'sales'] as const;
export type AgentPurpose = (typeof AGENT_PURPOSES)[number];

/**
 * The dynamic variables Navaia passes when it starts a conversation (voice-session.service.ts).
 * ElevenLabs closes a conversation whose prompt or first message uses a variable it was not
 * given, so the prompts below may use these and nothing else.
 */
export const NAVAIA_DYNAMIC_VARIABLES = [
  'voice_session_id',
  'tenant_name',
  'customer_id',
  'customer_name',
] as const;

const STYLE = `Style: you are speaking, not writing. Keep every reply to one or two short sentences, ask one question at a time, and never use lists, markdown or emojis. Be warm, calm and concise. Speak English.`;

const KNOWN_NAME = `What we already know about the caller — their name: "{{customer_name}}". If that is empty, ask for their name early in the conversation; if it is set, use it and do not ask again.`;

const OPT_OUT = `If the caller asks not to be called or contacted again, acknowledge it politely, confirm that they will not be called again, and do not argue.`;

const HONESTY = `Never invent prices, policies, availability, technical fixes or promises you cannot keep. If you do not know something, say that the team will follow up.`;

const PROMPTS: Record<AgentPurpose, string> = {
  support: `You are the customer support assistant of {{tenant_name}}. Customers call or chat with you when they have a problem or a question.

${KNOWN_NAME}

How to handle the conversation:
1. Let the caller describe the problem in their own words. Listen, and acknowledge it briefly.
2. Find out what is still missing for the team to act on it, asking only for what you do not know yet: what exactly is wrong, since when it happens, what they have already tried, which product, service or order it concerns, and how badly it affects them (this sets the priority).
3. Summarise the problem back in one or two sentences and ask the caller to confirm or correct it. If they correct you, summarise again.
4. Promise a follow-up: tell the caller that their request is logged and the {{tenant_name}} team will get back to them. Do not promise a specific time or a specific solution.
5. Ask whether there is anything else; if not, thank them and end the conversation.

If the caller wants to book an appointment instead, find out which service, and the day and time they want, read it back for confirmation, and say that {{tenant_name}} will confirm the booking.

${OPT_OUT}

${HONESTY}

${STYLE}`,
  sales: `You are the booking assistant of {{tenant_name}}. Your job is to book appointments for callers.

${KNOWN_NAME}

How to handle the conversation:
1. Find out which service the caller wants to book. If it is unclear, ask.
2. Ask which day and time suit them. Accept natural answers such as "next Tuesday afternoon" and then agree on one exact day and time. Ask how long they need only if the service's length varies.
3. Read the booking back in one sentence — the service, the day and the time, in the words the caller used (for example "a haircut next Tuesday at 3 pm") — and ask them to confirm. Only a clear yes settles it; if they change anything, read the booking back again.
4. Ask whether the team should know anything else about the appointment, such as special requests.
5. Tell the caller that the appointment is noted and that {{tenant_name}} will send a confirmation, thank them and end the conversation.

You cannot see the calendar: do not claim that a time is free or taken, and do not work out calendar dates yourself unless the caller names one.

If the caller has a problem or complaint instead, let them explain, ask for what is missing, summarise it back for confirmation and promise that the team will follow up.

${OPT_OUT}

${HONESTY}

${STYLE}`,
};

// When Navaia knows no name it passes an empty customer_name; the greeting then reads "Hi, …".
const FIRST_MESSAGES: Record<AgentPurpose, string> = {
  support:
    'Hi {{customer_name}}, thanks for contacting {{tenant_name}} support. What can I help you with today?',
  sales:
    'Hi {{customer_name}}, thanks for contacting {{tenant_name}}. I can book an appointment for you — which service are you interested in?',
};

/** The prompt and first message an agent of this purpose gets. */
export function agentScript(purpose: AgentPurpose): { prompt: string; firstMessage: string } {
  return { prompt: PROMPTS[purpose], firstMessage: FIRST_MESSAGES[purpose] };
}

/**
 * The data-collection contract of architecture.md: ElevenLabs' post-call analysis fills these
 * in and sends them as `analysis.data_collection_results`; the extraction reads them first and
 * falls back to the transcript. Descriptions are instructions to the analysing LLM.
 */
export const DATA_COLLECTION: Record<string, ElevenLabs.AnalysisProperty> = {
  intent: {
    type: 'string',
    enum: ['booking', 'support', 'other'],
    description:
      "What the caller wanted, exactly one of: 'booking' if they booked or asked to book an appointment; 'support' if they reported a problem, complaint or question that needs a follow-up; 'other' for anything else (wrong number, general information, hung up before saying).",
  },
  customer_name: {
    type: 'string',
    description:
      "The caller's own full name as they said it in the conversation. Empty if they did not give it. Never the agent's or the business's name.",
  },
  issue_summary: {
    type: 'string',
    description:
      'For a problem or complaint: one or two sentences a support person can act on — what is wrong, since when, what the caller already tried and which product, service or order it concerns. Empty if the caller reported no problem.',
  },
  issue_priority: {
    type: 'string',
    enum: ['low', 'normal', 'high', 'urgent'],
    description:
      "How urgent the caller's problem is, exactly one of: 'urgent' if they are completely blocked, in danger, or losing money right now; 'high' if it seriously disrupts them; 'normal' for an ordinary problem; 'low' for a minor question or cosmetic issue. 'normal' when unsure. Empty if there was no problem.",
  },
  booking_service: {
    type: 'string',
    description:
      "The service the caller booked or asked to book, in a few words (for example 'haircut' or 'boiler service'). Empty if there was no booking.",
  },
  booking_datetime: {
    type: 'string',
    description:
      "The agreed start of the appointment. Prefer ISO-8601 local date and time without a UTC offset (for example '2025-03-14T15:00') when the calendar date is certain; otherwise the day and time exactly as agreed in words (for example 'next Tuesday at 3 pm'). Use the time the caller finally confirmed, not earlier proposals. Empty if no day or time was agreed.",
  },
  booking_duration_minutes: {
    type: 'integer',
    description:
      'The length of the appointment in whole minutes (for example 30 or 90) if it was stated or agreed. Leave empty if nobody mentioned a length.',
  },
  booking_notes: {
    type: 'string',
    description:
      'Anything the caller asked the team to know about the appointment: special requests, preferences, access details. Empty if none.',
  },
  opt_out: {
    type: 'boolean',
    description:
      'true only if the caller asked not to be called or contacted again; false otherwise.',
  },
};

export interface ProvisionTenant {
  id: string;
  name: string;
  voice: TenantVoiceSettings;
}

export interface ProvisionOptions {
  /** The workspace webhook the agents send their post-call events to. */
  webhookId: string;
  /** Also send `post_call_audio` (the whole call as base64 MP3) for recordings. */
  sendAudio?: boolean;
}

/** The create/update body (SDK camelCase; the SDK sends it snake_case on the wire). */
export function agentDefinition(
  tenant: Pick<ProvisionTenant, 'name'>,
  purpose: AgentPurpose,
  options: ProvisionOptions,
) {
  const { prompt, firstMessage } = agentScript(purpose);
  const events: ElevenLabs.WebhookEventType[] = [
    'transcript',
    // Outbound phone calls that never connect (busy, no answer) arrive only through this event.
    'call_initiation_failure',
    ...(options.sendAudio ? (['audio'] as const) : []),
  ];
  return {
    name: `${tenant.name} — ${purpose === 'support' ? 'Support' : 'Sales'} (Navaia)`,
    tags: ['navaia', `navaia-${purpose}`],
    conversationConfig: {
      agent: { firstMessage, language: 'en', prompt: { prompt } },
    },
    platformSettings: {
      // Navaia hands browsers signed URLs, so nobody can talk to the agent with its id alone.
      auth: { enableAuth: true },
      dataCollection: DATA_COLLECTION,
      workspaceOverrides: {
        webhooks: { postCallWebhookId: options.webhookId, events },
      },
    },
  } satisfies ElevenLabs.conversationalAi.BodyCreateAgentV1ConvaiAgentsCreatePost;
}

export type AgentAction = 'created' | 'updated' | 'replaced';

export interface PurposeOutcome {
  purpose: AgentPurpose;
  /** The agent now serving the purpose; absent when it failed and there was none before. */
  agentId?: string;
  action?: AgentAction;
  /** One line saying what went wrong; the other purpose is still provisioned. */
  error?: string;
}

export interface ProvisionResult {
  /** The tenant's agents after provisioning, to store in `tenants.voice.agents`. */
  agents: TenantVoiceSettings['agents'];
  outcomes: PurposeOutcome[];
}

/**
 * Creates or updates the tenant's support and sales agents. An agent id the tenant already
 * has is updated in place (so phone numbers and history attached to it stay); when ElevenLabs
 * no longer knows it, a new agent replaces it. Each purpose is provisioned on its own, so one
 * failure does not lose the other's new agent id.
 */
export async function provisionTenantAgents(
  client: ElevenLabsClient,
  tenant: ProvisionTenant,
  options: ProvisionOptions,
): Promise<ProvisionResult> {
  const agents: TenantVoiceSettings['agents'] = { ...(tenant.voice?.agents ?? {}) };
  const outcomes: PurposeOutcome[] = [];
  for (const purpose of AGENT_PURPOSES) {
    const definition = agentDefinition(tenant, purpose, options);
    const current = agents[purpose];
    let step = `look up the ${purpose} agent ${current}`;
    try {
      if (current && (await agentExists(client, current))) {
        step = `update the ${purpose} agent ${current}`;
        await client.conversationalAi.agents.update(current, definition);
        outcomes.push({ purpose, agentId: current, action: 'updated' });
        continue;
      }
      step = `create the ${purpose} agent`;
      const { agentId } = await client.conversationalAi.agents.create(definition);
      agents[purpose] = agentId;
      outcomes.push({ purpose, agentId, action: current ? 'replaced' : 'created' });
    } catch (error) {
      outcomes.push({ purpose, agentId: current, error: elevenLabsFailure(step, error).message });
    }
  }
  return { agents, outcomes };
}

/**
 * Whether ElevenLabs still has the agent. Only the status matters, so this reads it through
 * the SDK's passthrough (same key, base URL and retries) instead of `agents.get`, whose strict
 * parsing of the whole agent configuration would turn any schema drift into a failed run.
 */
async function agentExists(client: ElevenLabsClient, agentId: string): Promise<boolean> {
  const response = await client.fetch(`/v1/convai/agents/${encodeURIComponent(agentId)}`, {
    method: 'GET',
    headers: { accept: 'application/json' },
  });
  const text = await response.text();
  if (response.status === 404) return false;
  if (response.ok) return true;
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's error page): keep the text as the reason.
  }
  throw new ElevenLabsError({ statusCode: response.status, body });
}

export interface PostCallWebhook {
  webhookId: string;
  created: boolean;
  /** Only when just created: ElevenLabs shows the signing secret this once. */
  secret?: string;
  /** Problems that did not stop provisioning, one line each. */
  warnings: string[];
}

const WEBHOOK_NAME = 'Navaia post-call';

const sameUrl = (a: string, b: string) => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/**
 * Finds the workspace's HMAC webhook pointing at Navaia, or creates it. Post-call webhooks are
 * workspace objects that agents reference by id, so every tenant's agents share this one and
 * Navaia verifies all deliveries with the same secret(s).
 */
export async function ensurePostCallWebhook(
  client: ElevenLabsClient,
  url: string,
): Promise<PostCallWebhook> {
  let listed: ElevenLabs.WorkspaceWebhookResponseModel[];
  try {
    ({ webhooks: listed } = await client.webhooks.list());
  } catch (error) {
    throw elevenLabsFailure('list the workspace webhooks', error);
  }
  const matching = listed.filter((w) => w.authType === 'hmac' && sameUrl(w.webhookUrl, url));
  // Prefer one that is delivering; a disabled one is switched back on below.
  const existing = matching.find((w) => !w.isDisabled && !w.isAutoDisabled) ?? matching.at(0);

  let result: PostCallWebhook;
  let name = WEBHOOK_NAME;
  if (existing) {
    name = existing.name;
    result = { webhookId: existing.webhookId, created: false, warnings: [] };
    if (existing.isAutoDisabled) {
      result.warnings.push(
        `ElevenLabs had switched the webhook ${existing.webhookId} off after repeated failed deliveries; make sure ${url} is reachable, and check in ElevenLabs (Settings → Webhooks) that it is enabled again`,
      );
    }
  } else {
    let created: ElevenLabs.WorkspaceCreateWebhookResponseModel;
    try {
      created = await client.webhooks.create({
        settings: { authType: 'hmac', name, webhookUrl: url },
      });
    } catch (error) {
      throw elevenLabsFailure(`create the post-call webhook for ${url}`, error);
    }
    result = {
      webhookId: created.webhookId,
      created: true,
      secret: created.webhookSecret,
      warnings: created.webhookSecret
        ? []
        : [
            `ElevenLabs returned no signing secret for the new webhook ${created.webhookId}; look for it in ElevenLabs (Settings → Webhooks)`,
          ],
    };
  }
  try {
    // Retries are off by default; with them ElevenLabs redelivers a post-call event that met a
    // 5xx or timeout, and Navaia's inbox makes a redelivery a no-op. `isDisabled: false` also
    // switches a webhook someone disabled back on: the agents are about to depend on it.
    await client.webhooks.update(result.webhookId, {
      isDisabled: false,
      name,
      retryEnabled: true,
    });
  } catch (error) {
    // Never fatal: a just-created webhook's secret must still reach the operator.
    result.warnings.push(
      elevenLabsFailure('enable retries on the post-call webhook', error).message,
    );
  }
  return result;
}

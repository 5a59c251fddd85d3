import { VoicePurpose } from '@navaia/shared';
import type { DialRequest } from '../../src/modules/telephony/providers/telephony-provider';

/** What the dialer asks a telephony provider for one call, as the provider tests send it. */
export const dialRequest = (over: Partial<DialRequest> = {}): DialRequest => ({
  callId: '0190f0f0-0000-7000-8000-0000000000aa',
  tenantId: '0190f0f0-0000-7000-8000-0000000000bb',
  purpose: VoicePurpose.Support,
  to: '+14155550123',
  from: '+14155550100',
  timezone: 'Europe/Berlin',
  agentId: 'agent_support',
  agentPhoneNumberId: 'phnum_123',
  dynamicVariables: { voice_session_id: 's-1', call_id: 'c-1', customer_name: 'Maya' },
  statusCallbackUrl: 'https://navaia.example/api/v1/webhooks/twilio/status?callId=c-1',
  twimlUrl: 'https://navaia.example/api/v1/webhooks/twilio/voice?callId=c-1',
  ...over,
});

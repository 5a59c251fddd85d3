import { CallStatus } from '@navaia/shared';
import { AppConfig, SimulatorSpeed } from '../../../config/config';
import type { SimulatorWebhooks } from '../../voice/simulator/simulator-webhooks';
import { dialRequest } from '../../../../test/support/dial-request';
import { SimulatorTelephonyProvider } from './simulator.provider';

const config = {
  simulatorSpeed: SimulatorSpeed.Fast,
  simulator: { callOutcomes: { answered: 1, voicemail: 0, no_answer: 0, busy: 0, failed: 0 } },
  twilio: { webhookAuthToken: 'token' },
} as unknown as AppConfig;

describe('the simulator as a provider', () => {
  let provider: SimulatorTelephonyProvider;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    provider = new SimulatorTelephonyProvider(config, {} as SimulatorWebhooks);
  });
  afterEach(() => {
    provider.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('tells the state of a call it plays from its schedule, and nothing of a call it does not know', async () => {
    const { providerCallSid } = await provider.dial(dialRequest());
    const ref = { providerCallSid, conversationId: null };
    expect(await provider.callState(ref)).toMatchObject({ status: CallStatus.Initiated });

    // Past the end of the schedule (fast pace: a second's ring, under a second's talk), without
    // playing the callbacks: the store alone answers.
    jest.setSystemTime(Date.now() + 5_000);
    expect(await provider.callState(ref)).toMatchObject({
      status: CallStatus.Completed,
      providerStatus: 'completed',
      answeredBy: 'human',
    });
    expect(
      await provider.callState({ providerCallSid: 'CA' + '0'.repeat(32), conversationId: null }),
    ).toBeNull();
  });
});

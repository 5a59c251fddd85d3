import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import twilio from 'twilio';
import { CallStatus } from '@navaia/shared';
import { APP_CONFIG, AppConfig, SimulatorSpeed } from '../../../config/config';
import { pickOutcome } from '../../../config/simulator-outcomes';
import {
  SimulatorWebhooks,
  deliverSimulatedWebhook,
} from '../../voice/simulator/simulator-webhooks';
import type {
  DialAnswer,
  DialRequest,
  ProviderCallRef,
  ProviderCallStatus,
  TelephonyProvider,
} from '../providers/telephony-provider';
import { twilioCallStatus } from '../twilio-status';
import {
  Pace,
  SimulatedStep,
  simulatedCallSid,
  simulatedConversationId,
  simulatedPostCall,
  simulatedSteps,
} from './simulated-call';

/** How long the simulator remembers a call after its end, to answer for it. */
const REMEMBER_MS = 15 * 60_000;

/**
 * Plays outbound calls offline: picks an outcome from the configured mix, then posts the
 * status callbacks Twilio would send (form-encoded, signed with the Twilio auth token) to
 * the app's own public endpoint, and for a call that was picked up the post-call webhook
 * ElevenLabs would send. Everything downstream runs as it does with the real providers.
 */
@Injectable()
export class SimulatorTelephonyProvider implements TelephonyProvider, OnApplicationShutdown {
  readonly kind = 'simulator' as const;
  private readonly logger = new Logger(SimulatorTelephonyProvider.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly deliveries = new Set<Promise<void>>();
  /** The simulator's own store: the calls this process plays, by call SID, as scheduled. */
  private readonly calls = new Map<string, { startedAt: number; steps: SimulatedStep[] }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly webhooks: SimulatorWebhooks,
  ) {}

  async dial(request: DialRequest): Promise<DialAnswer> {
    const sid = simulatedCallSid();
    const outcome = pickOutcome(this.config.simulator.callOutcomes);
    const pace = this.pace();
    const steps = simulatedSteps(outcome, pace);
    const from = request.from ?? this.config.twilio.fromNumber ?? '+15005550006';
    const startedAt = Date.now();
    this.forgetEndedCalls(startedAt);
    this.calls.set(sid, { startedAt, steps });
    for (const [index, step] of steps.entries()) {
      this.later(step.atMs, () =>
        this.deliverStatus(request, { sid, from, step, sequence: index }),
      );
    }
    const end = steps[steps.length - 1];
    if (end.status === 'completed') {
      const answerAt = steps.find((s) => s.status === 'in-progress')!.atMs;
      this.later(end.atMs, () =>
        this.webhooks.send(
          simulatedPostCall({
            purpose: request.purpose,
            tenantId: request.tenantId,
            timezone: request.timezone,
            callSid: sid,
            to: request.to,
            conversationId: simulatedConversationId(),
            dynamicVariables: request.dynamicVariables,
            startedAt: startedAt + answerAt,
            talkMs: end.atMs - answerAt,
            voicemail: outcome === 'voicemail',
          }),
        ),
      );
    }
    return { providerCallSid: sid, conversationId: null, from };
  }

  /**
   * Where the call is in its schedule. Simulated calls live in the process that plays them:
   * one played by a process that stopped is unknown here, and the reconciler's silence rule
   * settles it.
   */
  async callState({ providerCallSid }: ProviderCallRef): Promise<ProviderCallStatus | null> {
    const call = providerCallSid ? this.calls.get(providerCallSid) : undefined;
    if (!call) return null;
    const elapsed = Date.now() - call.startedAt;
    const step = call.steps.filter((s) => s.atMs <= elapsed).pop() ?? call.steps[0];
    return {
      status: twilioCallStatus(step.status) ?? CallStatus.Initiated,
      providerStatus: step.status,
      durationSec: step.callDurationSecs,
      answeredBy: step.answeredBy,
    };
  }

  /** Resolves once every scheduled callback has been delivered (tests). */
  async drain(): Promise<void> {
    while (this.timers.size || this.deliveries.size) {
      await Promise.all([...this.deliveries]);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  onApplicationShutdown(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private pace(): Pace {
    const talkOverride = this.config.simulator.callSeconds;
    if (this.config.simulatorSpeed === SimulatorSpeed.Fast) {
      return { ringMs: 300, talkMs: talkOverride ? talkOverride * 1000 : 900 };
    }
    return {
      ringMs: 3000 + Math.floor(Math.random() * 4000),
      talkMs: talkOverride ? talkOverride * 1000 : 20_000 + Math.floor(Math.random() * 25_000),
    };
  }

  /** Calls are stored in the order they started: only the oldest are looked at. */
  private forgetEndedCalls(now: number): void {
    for (const [sid, call] of this.calls) {
      if (now - call.startedAt <= REMEMBER_MS) return;
      if (now - call.startedAt > call.steps[call.steps.length - 1].atMs + REMEMBER_MS)
        this.calls.delete(sid);
    }
  }

  private later(ms: number, work: () => void | Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const delivery = Promise.resolve(work()).catch((error: Error) =>
        this.logger.error(`Simulated call step failed: ${error.message}`),
      );
      this.deliveries.add(delivery);
      void delivery.finally(() => this.deliveries.delete(delivery));
    }, ms);
    this.timers.add(timer);
  }

  private async deliverStatus(
    request: DialRequest,
    call: { sid: string; from: string; step: SimulatedStep; sequence: number },
  ): Promise<void> {
    const { step } = call;
    const params: Record<string, string> = {
      AccountSid: this.config.twilio.accountSid ?? 'AC00000000000000000000000000000000',
      ApiVersion: '2010-04-01',
      CallSid: call.sid,
      CallStatus: step.status,
      Called: request.to,
      Caller: call.from,
      CallbackSource: 'call-progress-events',
      Direction: 'outbound-api',
      From: call.from,
      To: request.to,
      SequenceNumber: String(call.sequence),
      Timestamp: new Date().toUTCString(),
    };
    if (step.answeredBy) params.AnsweredBy = step.answeredBy;
    if (step.callDurationSecs !== undefined) {
      params.CallDuration = String(step.callDurationSecs);
      params.Duration = String(Math.ceil(step.callDurationSecs / 60));
    }
    if (step.sipResponseCode) params.SipResponseCode = String(step.sipResponseCode);
    const signature = twilio.getExpectedTwilioSignature(
      this.config.twilio.webhookAuthToken,
      request.statusCallbackUrl,
      params,
    );
    try {
      const response = await deliverSimulatedWebhook(
        request.statusCallbackUrl,
        () => ({
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-twilio-signature': signature,
          },
          body: new URLSearchParams(params).toString(),
        }),
        (status) => status >= 500 || status === 429,
      );
      if (!response.ok)
        this.logger.error(`Simulated status callback refused with ${response.status}`);
    } catch (error) {
      this.logger.error(
        `Simulated status callback for ${call.sid} not delivered: ${(error as Error).message}`,
      );
    }
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { advancesCall, CallStatus } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Call, CallAttempt } from './call.entity';
import { CallService } from './call.service';
import {
  ProviderCallStatus,
  TELEPHONY_PROVIDER,
  TelephonyProvider,
} from './providers/telephony-provider';

const OPEN = `'queued', 'initiated', 'ringing', 'in_progress'`;

/** Why a call the provider could not tell about ended failed: its outcome is unknown. */
export const NO_FINAL_STATUS = 'No final status from the provider';

/**
 * Calls the provider did not settle by itself. At start, a worker asks the provider about
 * every call still open — a process that stopped (crashed, killed) left them open, and the
 * callbacks it would have applied may be gone — and applies what the provider says. Calls
 * that then stay silent (a dial that got no answer and no callback, a call that never
 * reported its end) are asked about again, and where the provider cannot tell, the call ends
 * failed with the reason, so its concurrency slot and session do not hang forever.
 */
@Injectable()
export class CallReconciler {
  private readonly logger = new Logger(CallReconciler.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly db: TenantDb,
    private readonly tenantJobs: TenantJobRunner,
    private readonly calls: CallService,
    @Inject(TELEPHONY_PROVIDER) private readonly provider: TelephonyProvider,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async reconcileAll(): Promise<number> {
    const settled = await this.forEachOpenCall(
      'call-reconcile',
      () => this.staleCalls(),
      async (call, known) => {
        await this.calls.applyStatus(call.id, {
          status: known?.status ?? CallStatus.Failed,
          source: 'reconciler',
          answeredBy: known?.answeredBy,
          durationSec: known?.durationSec,
          detail: known
            ? `The provider reports ${known.providerStatus}`
            : 'No word from the provider; the call is presumed failed',
          failureReason: known ? undefined : NO_FINAL_STATUS,
        });
        return true;
      },
    );
    if (settled) this.logger.log(`Settled ${settled} calls whose provider went silent`);
    return settled;
  }

  /** Applies the provider's word on every open call it can tell about; returns how many moved. */
  async checkOpenCalls(): Promise<number> {
    const moved = await this.forEachOpenCall(
      'call-provider-check',
      () => this.callsTheProviderKnows(),
      async (call, known) => {
        if (!known || !advancesCall(call.status, known.status)) return false;
        await this.calls.applyStatus(call.id, {
          status: known.status,
          source: 'reconciler',
          answeredBy: known.answeredBy,
          durationSec: known.durationSec,
          detail: `The provider reports ${known.providerStatus}`,
        });
        return true;
      },
    );
    if (moved) this.logger.log(`The provider moved ${moved} calls left open`);
    return moved;
  }

  /**
   * For each tenant, the calls `list` finds; each is asked about with no transaction open,
   * and the provider's word is applied in a transaction of its own. Returns how many `apply`
   * counted.
   */
  private async forEachOpenCall(
    label: string,
    list: () => Promise<Call[]>,
    apply: (call: Call, known: ProviderCallStatus | null) => Promise<boolean>,
  ): Promise<number> {
    const tenants: { app_tenant_ids: string }[] =
      await this.dataSource.query('SELECT app_tenant_ids()');
    let total = 0;
    for (const { app_tenant_ids: tenantId } of tenants) {
      const open = await this.tenantJobs.runFor(tenantId, label, list);
      for (const call of open) {
        const known = await this.stateOf(call);
        if (await this.tenantJobs.runFor(tenantId, label, () => apply(call, known))) total++;
      }
    }
    return total;
  }

  private callsTheProviderKnows(): Promise<Call[]> {
    return this.db
      .repo(Call)
      .createQueryBuilder('c')
      .where(`c.status IN (${OPEN})`)
      .andWhere('c.provider = :kind', { kind: this.provider.kind })
      .andWhere('(c.provider_call_sid IS NOT NULL OR c.conversation_id IS NOT NULL)')
      .orderBy('c.id')
      .getMany();
  }

  private staleCalls(): Promise<Call[]> {
    return this.db
      .repo(Call)
      .createQueryBuilder('c')
      .leftJoin(CallAttempt, 'a', 'a.call_id = c.id')
      .where(`c.status IN (${OPEN})`)
      .andWhere(
        `((a.state = 'sending' AND a.requested_at < now() - make_interval(secs => :unknown))
          OR (c.status <> 'queued' AND c.updated_at < now() - make_interval(secs => :silent)))`,
        {
          unknown: this.config.callReconciler.unknownDialMs / 1000,
          silent: this.config.callReconciler.silentCallMs / 1000,
        },
      )
      .orderBy('c.updated_at')
      .limit(200)
      .getMany();
  }

  /** The provider's word on a call it placed; null when it cannot tell, or cannot be reached. */
  private async stateOf(call: Call): Promise<ProviderCallStatus | null> {
    if (call.provider !== this.provider.kind) return null;
    return this.provider.callState(call).catch((error: Error) => {
      this.logger.warn(`Could not ask the provider about call ${call.id}: ${error.message}`);
      return null;
    });
  }
}

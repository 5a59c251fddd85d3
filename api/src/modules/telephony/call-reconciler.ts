import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CallStatus } from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { TenantJobRunner } from '../../common/queue/tenant-job';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { Call, CallAttempt } from './call.entity';
import { CallService } from './call.service';
import { TELEPHONY_PROVIDER, TelephonyProvider } from './providers/telephony-provider';
import { twilioCallStatus } from './twilio-status';

/** Why a call the provider could not tell about ended failed: its outcome is unknown. */
export const NO_FINAL_STATUS = 'No final status from the provider';

/**
 * Calls whose provider went silent: a dial that got no answer and no callback, or a call
 * that never reported its end. The provider is asked where it can tell; otherwise the call
 * ends failed with the reason, so its concurrency slot and session do not hang forever.
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
    const tenants: { app_tenant_ids: string }[] =
      await this.dataSource.query('SELECT app_tenant_ids()');
    let settled = 0;
    for (const { app_tenant_ids: tenantId } of tenants) {
      settled += await this.tenantJobs.runFor(tenantId, 'call-reconcile', () =>
        this.reconcileTenant(),
      );
    }
    if (settled) this.logger.log(`Settled ${settled} calls whose provider went silent`);
    return settled;
  }

  private async reconcileTenant(): Promise<number> {
    const stale = await this.db
      .repo(Call)
      .createQueryBuilder('c')
      .leftJoin(CallAttempt, 'a', 'a.call_id = c.id')
      .where(`c.status IN ('queued', 'initiated', 'ringing', 'in_progress')`)
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
    for (const call of stale) {
      const known = call.providerCallSid
        ? await this.provider.fetchStatus(call.providerCallSid).catch(() => null)
        : null;
      const status = known ? twilioCallStatus(known.status) : null;
      await this.calls.applyStatus(call.id, {
        status: status ?? CallStatus.Failed,
        source: 'reconciler',
        answeredBy: known?.answeredBy,
        durationSec: known?.durationSec,
        detail: known
          ? `The provider reports ${known.status}`
          : 'No word from the provider; the call is presumed failed',
        failureReason: known ? undefined : NO_FINAL_STATUS,
      });
    }
    return stale.length;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CreateVoiceSessionDto,
  displayName,
  Page,
  StartVoiceSessionResponse,
  VoiceSessionListQueryDto,
  VoiceConnection,
  VoiceOutcome,
  VoiceSessionView,
  CommonErrorCode,
  VoiceErrorCode,
} from '@navaia/shared';
import { existsSync } from 'node:fs';
import { In } from 'typeorm';
import { isUniqueViolation } from '../../common/database/pg-errors';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { AppException } from '../../common/errors/app.exception';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { Customer, customerRef } from '../customer/customer.entity';
import { CustomerService } from '../customer/customer.service';
import { TenantService } from '../tenant/tenant.service';
import { VOICE_PROVIDER, VoiceProvider } from './providers/voice-provider';
import { toVoiceSessionView, VoiceSession } from './voice-session.entity';

export const VoiceErrors = {
  notFound: () => new AppException(404, CommonErrorCode.NotFound, 'Voice session not found'),
  noAgent: (purpose: string) =>
    new AppException(
      409,
      VoiceErrorCode.AgentMissing,
      `No ElevenLabs agent is configured for ${purpose}; run npm run voice:provision or set it in the settings`,
    ),
  conversationTaken: () =>
    new AppException(
      409,
      VoiceErrorCode.ConversationTaken,
      'This conversation is already linked to another session',
      [{ field: 'conversationId', message: 'conversationId belongs to another session' }],
    ),
  notSimulated: () =>
    new AppException(
      409,
      VoiceErrorCode.NotSimulated,
      'This session does not run on the simulator',
    ),
  ended: () =>
    new AppException(409, VoiceErrorCode.ConversationEnded, 'The conversation has ended'),
};

@Injectable()
export class VoiceSessionService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly tenants: TenantService,
    private readonly customers: CustomerService,
    @Inject(VOICE_PROVIDER) private readonly provider: VoiceProvider,
  ) {}

  /**
   * Starts a browser conversation: the session row is committed first, the provider is asked
   * for its credentials with no transaction open, and its answer (or failure) is recorded in a
   * transaction of its own.
   */
  async start(dto: CreateVoiceSessionDto): Promise<StartVoiceSessionResponse> {
    const customer = dto.customerId
      ? await this.customers.get(dto.customerId, 'customerId')
      : undefined;
    const tenant = await this.tenants.current();
    const agentId =
      this.provider.kind === 'elevenlabs' ? tenant.voice.agents[dto.purpose] : undefined;
    if (this.provider.kind === 'elevenlabs' && !agentId) throw VoiceErrors.noAgent(dto.purpose);
    const id = uuidv7();
    const tenantId = this.context.tenantId;
    // Every {{variable}} the agents' prompts use must be present, or ElevenLabs closes the call.
    const dynamicVariables: Record<string, string> = {
      voice_session_id: id,
      tenant_name: tenant.name,
      customer_id: customer?.id ?? '',
      customer_name: customer ? displayName(customer) : '',
    };
    await this.db.repo(VoiceSession).insert({
      id,
      tenantId,
      purpose: dto.purpose,
      channel: 'browser',
      provider: this.provider.kind,
      status: 'in_progress',
      customerId: customer?.id ?? null,
      agentId: agentId ?? null,
      dynamicVariables,
      startedAt: new Date(),
      transcript: [],
    });
    await this.db.commit();
    let connection: VoiceConnection;
    try {
      connection = await this.provider.startBrowserSession({
        sessionId: id,
        purpose: dto.purpose,
        agentId,
        dynamicVariables,
      });
    } catch (error) {
      await this.db.run(tenantId, () =>
        this.notStarted(id, `The conversation could not start: ${(error as Error).message}`),
      );
      throw error;
    }
    return this.db.run(tenantId, async () => {
      if (connection.provider === 'simulator')
        await this.db
          .repo(VoiceSession)
          .update({ id }, { conversationId: connection.conversationId });
      return { session: await this.view(id), connection, dynamicVariables };
    });
  }

  /**
   * The session of an outbound phone call, created with the call: the dynamic variables
   * carry both ids, so the post-call webhook finds them whichever provider placed the call.
   */
  async createForCall(input: {
    callId: string;
    purpose: CreateVoiceSessionDto['purpose'];
    customer: Customer;
    provider: VoiceSession['provider'];
    /** Extra variables (a campaign's); the ids and names below always win. */
    variables?: Record<string, string>;
  }): Promise<{ id: string; agentId?: string; dynamicVariables: Record<string, string> }> {
    const tenant = await this.tenants.current();
    const id = uuidv7();
    const agentId = tenant.voice.agents[input.purpose];
    const dynamicVariables: Record<string, string> = {
      ...input.variables,
      voice_session_id: id,
      call_id: input.callId,
      tenant_name: tenant.name,
      customer_id: input.customer.id,
      customer_name: displayName(input.customer),
    };
    await this.db.repo(VoiceSession).insert({
      id,
      tenantId: this.context.tenantId,
      purpose: input.purpose,
      channel: 'phone',
      provider: input.provider,
      status: 'created',
      customerId: input.customer.id,
      callId: input.callId,
      agentId: agentId ?? null,
      dynamicVariables,
      transcript: [],
    });
    return { id, agentId, dynamicVariables };
  }

  /** Where the session's recording is on disk; 404 when there is none (or it is gone). */
  async audioPath(id: string): Promise<string> {
    const session = await this.get(id);
    if (!session.audioPath || !existsSync(session.audioPath))
      throw new AppException(404, CommonErrorCode.NotFound, 'This conversation has no recording');
    return session.audioPath;
  }

  /** Sessions by id (a call list shows its sessions' tickets and bookings). */
  async byIds(ids: string[]): Promise<Map<string, VoiceSession>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.repo(VoiceSession).findBy({ id: In([...new Set(ids)]) });
    return new Map(rows.map((s) => [s.id, s]));
  }

  /** The browser reports the provider's conversation id once it has one. */
  async reportConversation(id: string, conversationId: string): Promise<VoiceSessionView> {
    const session = await this.get(id);
    if (session.conversationId && session.conversationId !== conversationId)
      throw VoiceErrors.conversationTaken();
    try {
      await this.db.repo(VoiceSession).update({ id }, { conversationId });
    } catch (error) {
      if (isUniqueViolation(error)) throw VoiceErrors.conversationTaken();
      throw error;
    }
    return this.view(id);
  }

  async list(query: VoiceSessionListQueryDto): Promise<Page<VoiceSessionView>> {
    const qb = this.db.repo(VoiceSession).createQueryBuilder('s').where('s.tenant_id = :tenantId', {
      tenantId: this.context.tenantId,
    });
    if (query.outcome) qb.andWhere('s.outcome = :outcome', { outcome: query.outcome });
    if (query.purpose) qb.andWhere('s.purpose = :purpose', { purpose: query.purpose });
    if (query.customerId)
      qb.andWhere('s.customer_id = :customerId', { customerId: query.customerId });
    const page = await keysetPage(qb, query, [
      { column: 's.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: await this.views(page.data), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<VoiceSession> {
    const session = await this.db.repo(VoiceSession).findOneBy({ id });
    if (!session) throw VoiceErrors.notFound();
    return session;
  }

  async view(id: string): Promise<VoiceSessionView> {
    return (await this.views([await this.get(id)]))[0];
  }

  /** Sessions still waiting for their post-call event after `graceMinutes`. */
  async awaitingOutcome(graceMinutes: number, limit = 100): Promise<VoiceSession[]> {
    return this.db
      .repo(VoiceSession)
      .createQueryBuilder('s')
      .where('s.outcome IS NULL AND s.conversation_id IS NOT NULL')
      .andWhere(`s.created_at < now() - make_interval(mins => :grace)`, { grace: graceMinutes })
      .andWhere(`s.created_at > now() - interval '2 days'`)
      .orderBy('s.created_at')
      .limit(limit)
      .getMany();
  }

  /**
   * A session whose conversation never started (a phone call that never reached the agent,
   * a browser session the provider refused) ends failed, with the reason.
   */
  async notStarted(id: string, reason: string): Promise<void> {
    await this.db
      .repo(VoiceSession)
      .createQueryBuilder()
      .update()
      .set({
        status: 'failed',
        outcome: VoiceOutcome.Failed,
        failureReason: reason,
        endedAt: new Date(),
      })
      .where('id = :id AND outcome IS NULL', { id })
      .execute();
  }

  private async views(sessions: VoiceSession[]): Promise<VoiceSessionView[]> {
    const customers = await this.customers.byIds(
      sessions.flatMap((s) => (s.customerId ? [s.customerId] : [])),
    );
    return sessions.map((s) =>
      toVoiceSessionView(s, customerRef(s.customerId ? customers.get(s.customerId) : undefined)),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import {
  CreateWebhookEndpointDto,
  Page,
  PageQueryDto,
  UpdateWebhookEndpointDto,
  WEBHOOK_TEST_EVENT_TYPE,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@navaia/shared';
import { TenantDb } from '../../common/database/tenant-db';
import { uuidv7 } from '../../common/database/uuid';
import { keysetPage } from '../../common/pagination/keyset';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { toWebhookDeliveryView } from './webhook-delivery.entity';
import { toWebhookEndpointView, WebhookEndpoint } from './webhook-endpoint.entity';
import { OutgoingWebhookErrors } from './outgoing-webhooks.exception';
import { WebhookPublisher } from './webhook-publisher';
import { generateWebhookSecret } from './webhook-signature';
import { targetUrlProblem } from './webhook-target';

const DISABLED_BY_HAND = 'Disabled by a user';

@Injectable()
export class WebhookEndpointService {
  constructor(
    private readonly db: TenantDb,
    private readonly context: TenantContext,
    private readonly audit: AuditService,
    private readonly publisher: WebhookPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(query: PageQueryDto): Promise<Page<WebhookEndpointView>> {
    const qb = this.db.repo(WebhookEndpoint).createQueryBuilder('e');
    const page = await keysetPage(qb, query, [
      { column: 'e.id', property: 'id', direction: 'DESC' },
    ]);
    return { data: page.data.map((e) => toWebhookEndpointView(e)), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.db.repo(WebhookEndpoint).findOneBy({ id });
    if (!endpoint) throw OutgoingWebhookErrors.endpointNotFound();
    return endpoint;
  }

  async view(id: string): Promise<WebhookEndpointView> {
    return toWebhookEndpointView(await this.get(id));
  }

  async create(dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecret> {
    await this.assertAllowedTarget(dto.url);
    await this.assertRoomForEndpoint();
    const id = uuidv7();
    const secret = generateWebhookSecret();
    const enabled = dto.enabled ?? true;
    await this.db.repo(WebhookEndpoint).insert({
      id,
      tenantId: this.context.tenantId,
      url: dto.url,
      description: dto.description ?? null,
      eventTypes: dto.eventTypes,
      enabled,
      disabledReason: enabled ? null : DISABLED_BY_HAND,
      disabledAt: enabled ? null : new Date(),
      secret,
      consecutiveFailures: 0,
    });
    const view = await this.view(id);
    await this.audit.record({
      action: 'create',
      entityType: 'webhook_endpoint',
      entityId: id,
      after: view,
    });
    return { ...view, secret };
  }

  async update(id: string, dto: UpdateWebhookEndpointDto): Promise<WebhookEndpointView> {
    const endpoint = await this.get(id);
    const before = toWebhookEndpointView(endpoint);
    const changes: Partial<WebhookEndpoint> = {};
    if (dto.url !== undefined && dto.url !== endpoint.url) {
      await this.assertAllowedTarget(dto.url);
      changes.url = dto.url;
    }
    if (dto.description !== undefined) changes.description = dto.description ?? null;
    if (dto.eventTypes !== undefined) changes.eventTypes = dto.eventTypes;
    if (dto.enabled === true && !endpoint.enabled) Object.assign(changes, enabledState());
    if (dto.enabled === false && endpoint.enabled) {
      Object.assign(changes, {
        enabled: false,
        disabledReason: DISABLED_BY_HAND,
        disabledAt: new Date(),
      });
    }
    return this.apply(endpoint.id, changes, before);
  }

  /** Switches an endpoint back on (after failures or by hand); its waiting deliveries resume. */
  async enable(id: string): Promise<WebhookEndpointView> {
    const endpoint = await this.get(id);
    const before = toWebhookEndpointView(endpoint);
    return this.apply(endpoint.id, endpoint.enabled ? {} : enabledState(), before);
  }

  async remove(id: string): Promise<void> {
    const endpoint = await this.get(id);
    await this.db.repo(WebhookEndpoint).delete({ id: endpoint.id });
    await this.audit.record({
      action: 'delete',
      entityType: 'webhook_endpoint',
      entityId: id,
      before: toWebhookEndpointView(endpoint),
    });
  }

  /**
   * A new secret, shown once. The replaced one keeps signing alongside it for the overlap,
   * so receivers can switch without missing a delivery.
   */
  async rotateSecret(id: string): Promise<WebhookEndpointWithSecret> {
    const endpoint = await this.get(id);
    const secret = generateWebhookSecret();
    const view = await this.apply(
      endpoint.id,
      {
        secret,
        previousSecret: endpoint.secret,
        previousSecretExpiresAt: new Date(
          Date.now() + this.config.outgoingWebhooks.secretOverlapMs,
        ),
      },
      toWebhookEndpointView(endpoint),
    );
    return { ...view, secret };
  }

  /** A test event to this endpoint alone, whatever it subscribes to. */
  async sendTest(id: string): Promise<WebhookDeliveryView> {
    const endpoint = await this.get(id);
    if (!endpoint.enabled) throw OutgoingWebhookErrors.endpointDisabled();
    const body = JSON.stringify({
      type: WEBHOOK_TEST_EVENT_TYPE,
      timestamp: new Date().toISOString(),
      data: { endpointId: endpoint.id, message: 'A test event from Navaia' },
    });
    return toWebhookDeliveryView(
      await this.publisher.createDelivery(endpoint.id, WEBHOOK_TEST_EVENT_TYPE, body),
    );
  }

  private async apply(
    id: string,
    changes: Partial<WebhookEndpoint>,
    before: WebhookEndpointView,
  ): Promise<WebhookEndpointView> {
    if (Object.keys(changes).length) await this.db.repo(WebhookEndpoint).update({ id }, changes);
    if (changes.enabled === true) {
      // Deliveries that waited while the endpoint was off go out now, not at their next retry.
      await this.db.manager.query(
        `UPDATE webhook_deliveries SET next_attempt_at = now()
          WHERE endpoint_id = $1 AND status = 'pending' AND next_attempt_at > now()`,
        [id],
      );
    }
    const after = await this.view(id);
    await this.audit.record({
      action: 'update',
      entityType: 'webhook_endpoint',
      entityId: id,
      before,
      after,
    });
    return after;
  }

  /**
   * Each endpoint multiplies every event (and its retries) into one more delivery, so a tenant
   * has a bounded number. Concurrent creates of one tenant take turns on a transaction lock.
   */
  private async assertRoomForEndpoint(): Promise<void> {
    const tenantId = this.context.tenantId;
    await this.db.manager.query(
      `SELECT pg_advisory_xact_lock(hashtext('webhook_endpoints:' || $1))`,
      [tenantId],
    );
    const count = await this.db.repo(WebhookEndpoint).countBy({ tenantId });
    const limit = this.config.outgoingWebhooks.maxEndpointsPerTenant;
    if (count >= limit) throw OutgoingWebhookErrors.tooManyEndpoints(limit);
  }

  private async assertAllowedTarget(url: string): Promise<void> {
    const problem = await targetUrlProblem(url, this.config.outgoingWebhooks.allowPrivateTargets);
    if (problem) throw OutgoingWebhookErrors.forbiddenTarget(problem);
  }
}

function enabledState(): Partial<WebhookEndpoint> {
  return {
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    consecutiveFailures: 0,
    failingSince: null,
  };
}

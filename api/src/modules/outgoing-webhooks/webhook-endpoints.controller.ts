import {
  Body,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CreateWebhookEndpointDto,
  Page,
  PageQueryDto,
  Role,
  UpdateWebhookEndpointDto,
  WebhookDeliveryListQueryDto,
  WebhookDeliveryView,
  WebhookEndpointView,
  WebhookEndpointWithSecret,
} from '@navaia/shared';
import { ApiKeyScope, MinRole } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { TenantContext } from '../../common/tenancy/tenant-context';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointService } from './webhook-endpoint.service';
import { readsWebhookTargets, redactDelivery, redactEndpoint } from './webhook-redaction';

/**
 * Integrators' endpoints for outgoing events. Creates take no Idempotency-Key: its stored
 * first answer would keep a copy of the signing secret.
 */
/**
 * Members below admin read endpoints and deliveries without URLs, errors and answers
 * (see webhook-redaction.ts).
 */
@ApiTags('webhook endpoints')
// Integrators' keys manage their endpoints under the `webhooks` scope.
@ApiKeyScope('webhooks')
@TenantScopedController('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointService,
    private readonly deliveries: WebhookDeliveryService,
    private readonly context: TenantContext,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Webhook endpoints of the tenant, newest first' })
  @ApiPage('WebhookEndpointView')
  async list(@Query() query: PageQueryDto): Promise<Page<WebhookEndpointView>> {
    const page = await this.endpoints.list(query);
    return this.readsTargets() ? page : { ...page, data: page.data.map(redactEndpoint) };
  }

  @Post()
  @MinRole(Role.Admin)
  @ApiOperation({
    summary:
      'Add an endpoint; the answer holds its signing secret, shown only once; 409 past the endpoints a tenant may have',
  })
  @ApiBodyDto(CreateWebhookEndpointDto)
  @ApiOk('WebhookEndpointWithSecret', 'The endpoint, with its signing secret shown this once')
  @ApiErrors(409)
  create(@Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One webhook endpoint' })
  @ApiOk('WebhookEndpointView')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointView> {
    const view = await this.endpoints.view(id);
    return this.readsTargets() ? view : redactEndpoint(view);
  }

  @Patch(':id')
  @MinRole(Role.Admin)
  @ApiBodyDto(UpdateWebhookEndpointDto)
  @ApiOperation({ summary: 'Change an endpoint’s URL, description, events or state' })
  @ApiOk('WebhookEndpointView')
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointView> {
    return this.endpoints.update(id, dto);
  }

  @Delete(':id')
  @MinRole(Role.Admin)
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete an endpoint and its delivery log' })
  @ApiNoContent('Deleted')
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.endpoints.remove(id);
  }

  @Post(':id/rotate-secret')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret; the old one also signs for 24 hours' })
  @ApiOk('WebhookEndpointWithSecret', 'The endpoint, with its new secret shown this once')
  rotateSecret(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotateSecret(id);
  }

  @Post(':id/enable')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch an endpoint back on; deliveries that waited go out' })
  @ApiOk('WebhookEndpointView')
  enable(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointView> {
    return this.endpoints.enable(id);
  }

  @Post(':id/test')
  @MinRole(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test event to this endpoint' })
  @ApiOk('WebhookDeliveryView', 'The queued test delivery')
  test(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryView> {
    return this.endpoints.sendTest(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first' })
  @ApiPage('WebhookDeliveryView')
  async deliveriesOf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WebhookDeliveryListQueryDto,
  ): Promise<Page<WebhookDeliveryView>> {
    await this.endpoints.get(id);
    const page = await this.deliveries.list(id, query);
    return this.readsTargets() ? page : { ...page, data: page.data.map(redactDelivery) };
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @MinRole(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: 'Attempt a delivery again now, with the same webhook-id' })
  @ApiOk('WebhookDeliveryView', 'The delivery, queued again')
  @ApiErrors(409)
  async replay(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.deliveries.replay(await this.endpoints.get(id), deliveryId);
  }

  private readsTargets(): boolean {
    return readsWebhookTargets(this.context.principal.role);
  }
}

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
import { ApiBodyDto } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { WebhookDeliveryService } from './webhook-delivery.service';
import { WebhookEndpointService } from './webhook-endpoint.service';

/**
 * Integrators' endpoints for outgoing events. Creates take no Idempotency-Key: its stored
 * first answer would keep a copy of the signing secret.
 */
@ApiTags('webhook endpoints')
// Integrators' keys manage their endpoints under the `webhooks` scope.
@ApiKeyScope('webhooks')
@TenantScopedController('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(
    private readonly endpoints: WebhookEndpointService,
    private readonly deliveries: WebhookDeliveryService,
  ) {}

  @Get()
  list(@Query() query: PageQueryDto): Promise<Page<WebhookEndpointView>> {
    return this.endpoints.list(query);
  }

  @Post()
  @MinRole(Role.Admin)
  @ApiOperation({
    summary: 'Add an endpoint; the answer holds its signing secret, shown only once',
  })
  @ApiBodyDto(CreateWebhookEndpointDto)
  create(@Body() dto: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.create(dto);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointView> {
    return this.endpoints.view(id);
  }

  @Patch(':id')
  @MinRole(Role.Admin)
  @ApiBodyDto(UpdateWebhookEndpointDto)
  update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointView> {
    return this.endpoints.update(id, dto);
  }

  @Delete(':id')
  @MinRole(Role.Admin)
  @HttpCode(204)
  remove(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.endpoints.remove(id);
  }

  @Post(':id/rotate-secret')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'A new signing secret; the old one also signs for 24 hours' })
  rotateSecret(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointWithSecret> {
    return this.endpoints.rotateSecret(id);
  }

  @Post(':id/enable')
  @MinRole(Role.Admin)
  @HttpCode(200)
  @ApiOperation({ summary: 'Switch an endpoint back on; deliveries that waited go out' })
  enable(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookEndpointView> {
    return this.endpoints.enable(id);
  }

  @Post(':id/test')
  @MinRole(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a webhook.test event to this endpoint' })
  test(@Param('id', ParseUUIDPipe) id: string): Promise<WebhookDeliveryView> {
    return this.endpoints.sendTest(id);
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of an endpoint, newest first' })
  async deliveriesOf(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: WebhookDeliveryListQueryDto,
  ): Promise<Page<WebhookDeliveryView>> {
    await this.endpoints.get(id);
    return this.deliveries.list(id, query);
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @MinRole(Role.Admin)
  @HttpCode(202)
  @ApiOperation({ summary: 'Attempt a delivery again now, with the same webhook-id' })
  async replay(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('deliveryId', ParseUUIDPipe) deliveryId: string,
  ): Promise<WebhookDeliveryView> {
    return this.deliveries.replay(await this.endpoints.get(id), deliveryId);
  }
}

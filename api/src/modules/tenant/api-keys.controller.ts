import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiKeyView,
  CreateApiKeyDto,
  CreatedApiKey,
  Page,
  PageQueryDto,
  Role,
  RotateApiKeyDto,
} from '@navaia/shared';
import { MinRole, NoApiKeys } from '../../common/auth/decorators';
import { ApiBodyDto, ApiErrors, ApiNoContent, ApiOk, ApiPage } from '../../common/http/openapi';
import { TenantScopedController } from '../../common/http/tenant-controller.decorator';
import { ApiKeysService } from './api-keys.service';

// No Idempotency-Key support here: the stored first answer would hold the key in clear.
@ApiTags('api-keys')
@TenantScopedController('api-keys')
@MinRole(Role.Admin)
@NoApiKeys()
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @ApiOperation({ summary: 'API keys, newest first (admin+); the secret is never listed' })
  @ApiPage('ApiKeyView')
  list(@Query() query: PageQueryDto): Promise<Page<ApiKeyView>> {
    return this.keys.list(query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a key; the answer is the only time `key` is shown' })
  @ApiBodyDto(CreateApiKeyDto)
  @ApiOk('CreatedApiKey', 'The key, with its secret shown this once')
  @ApiErrors(400)
  create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKey> {
    return this.keys.create(dto);
  }

  @Post(':id/rotate')
  @ApiOperation({
    summary: 'Replace a key: the new one is shown once, the old one works for a grace period',
  })
  @ApiBodyDto(RotateApiKeyDto)
  @ApiOk('CreatedApiKey', 'The new key, with its secret shown this once')
  @ApiErrors(409)
  rotate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RotateApiKeyDto,
  ): Promise<CreatedApiKey> {
    return this.keys.rotate(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key at once' })
  @ApiNoContent('Revoked')
  revoke(@Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.keys.revoke(id);
  }
}

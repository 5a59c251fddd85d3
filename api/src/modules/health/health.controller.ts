import { AuthErrorCode, HealthErrorCode } from '@navaia/shared';
import { Controller, Get, Headers, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type Redis from 'ioredis';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { DataSource } from 'typeorm';
import { Public } from '../../common/auth/decorators';
import { AppException } from '../../common/errors/app.exception';
import { carriesMetricsToken, metricsRegistry } from '../../common/http/metrics';
import { ApiErrors, ApiOk } from '../../common/http/openapi';
import { REDIS } from '../../common/redis/redis.module';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { withTimeout } from '../../common/async/timeout';

const CHECK_TIMEOUT_MS = 1_000;

const CHECK: SchemaObject = { type: 'string', enum: ['up', 'down'] };
const READINESS: SchemaObject = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok', 'unavailable'] },
    checks: {
      type: 'object',
      required: ['database', 'redis'],
      properties: { database: CHECK, redis: CHECK },
    },
  },
};

async function check(probe: () => Promise<unknown>): Promise<'up' | 'down'> {
  try {
    await withTimeout(probe(), CHECK_TIMEOUT_MS);
    return 'up';
  } catch {
    return 'down';
  }
}

@ApiTags('operations')
@Controller('api')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOk({
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['ok'] } },
  })
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Public()
  @Get('health/ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis answer; 503 when one does not' })
  @ApiOk(READINESS, 'Both answer')
  @ApiResponse({
    status: 503,
    description: 'One of them does not answer',
    content: { 'application/json': { schema: READINESS } },
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    const [database, redis] = await Promise.all([
      check(() => this.dataSource.query('SELECT 1')),
      check(() => this.redis.ping()),
    ]);
    const ok = database === 'up' && redis === 'up';
    void reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { database, redis } };
  }

  /**
   * Per-route counts and signature rejections tell an attacker what is probed and what works:
   * not for users (no session or API key reads them) but for a scraper holding METRICS_TOKEN.
   */
  @Public()
  @Get('metrics')
  @ApiOperation({
    summary: 'Prometheus metrics, for `Authorization: Bearer <METRICS_TOKEN>`; 403 when unset',
  })
  @ApiOk({ type: 'string' }, 'Prometheus text exposition format', 'text/plain')
  @ApiErrors(401, 403)
  metrics(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (!token)
      throw new AppException(
        403,
        HealthErrorCode.MetricsDisabled,
        'Metrics are not served: METRICS_TOKEN is not set',
      );
    if (!carriesMetricsToken(authorization, token))
      throw new AppException(
        401,
        AuthErrorCode.Unauthenticated,
        'The metrics token is missing or wrong',
      );
    // Set here, not by @Header: a refusal above is answered as JSON.
    void reply.type('text/plain; version=0.0.4; charset=utf-8');
    return metricsRegistry.metrics();
  }
}

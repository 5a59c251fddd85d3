import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage } from 'node:http';
import { AccessGuard } from './common/auth/access.guard';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { DatabaseModule } from './common/database/database.module';
import { TenantTransactionInterceptor } from './common/database/tenant-transaction.interceptor';
import { CommonErrors } from './common/errors/app.exception';
import { AllExceptionsFilter } from './common/errors/exception.filter';
import { toFieldErrors } from './common/errors/validation';
import { QueueModule } from './common/queue/queue.module';
import { RedisModule } from './common/redis/redis.module';
import { TenancyModule } from './common/tenancy/tenancy.module';
import { APP_CONFIG, AppConfig, AppRole } from './config/config';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import { TenantModule } from './modules/tenant/tenant.module';

/** Routes whose every request would only add noise to the logs. */
const QUIET_ROUTES = new Set(['/api/health', '/api/health/ready', '/api/metrics']);

export interface ResolvedConfig extends AppConfig {
  databaseUrl: string;
}

@Module({})
export class AppModule {
  static forRoot(config: ResolvedConfig): DynamicModule {
    const worker = config.role !== AppRole.Http;
    return {
      module: AppModule,
      global: true,
      imports: [
        ClsModule.forRoot({
          global: true,
          middleware: {
            mount: true,
            setup: (cls, req: IncomingMessage & { id?: string }) => cls.set('requestId', req.id),
          },
        }),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Fastify assigns the id (honouring X-Request-Id); pino-http reuses it per line.
            genReqId: (req) => (req as IncomingMessage & { id?: string }).id ?? '',
            autoLogging: { ignore: (req) => QUIET_ROUTES.has(req.url ?? '') },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]'],
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
            },
          },
        }),
        DatabaseModule.forRoot(config.databaseUrl),
        RedisModule.forRoot(config.redisUrl),
        QueueModule.forRoot(config.redisUrl, config.queuePrefix),
        TenancyModule,
        AuditModule,
        HealthModule,
        TenantModule,
        AuthModule,
        MaintenanceModule.register({ worker }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: (errors) => CommonErrors.validation(toFieldErrors(errors)),
          }),
        },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
      ],
      exports: [APP_CONFIG],
    };
  }
}

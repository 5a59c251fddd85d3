import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ClsService, ClsServiceManager } from 'nestjs-cls';
import { AccessGuard } from './common/auth/access.guard';
import { AuthenticationGuard } from './common/auth/authentication.guard';
import { SessionGuard } from './common/auth/session.guard';
import { DatabaseModule } from './common/database/database.module';
import { AllExceptionsFilter } from './common/errors/exception.filter';
import { AppValidationPipe } from './common/errors/validation';
import { QueueModule } from './common/queue/queue.module';
import { RateLimiter } from './common/redis/rate-limiter';
import { RedisModule } from './common/redis/redis.module';
import { TenancyModule } from './common/tenancy/tenancy.module';
import { APP_CONFIG, AppConfig, AppRole } from './config/config';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { MaintenanceModule } from './modules/maintenance/maintenance.module';
import {
  OutgoingWebhooksModule,
  OutgoingWebhooksWorkerModule,
} from './modules/outgoing-webhooks/outgoing-webhooks.module';
import { TenantModule } from './modules/tenant/tenant.module';
import { BookingModule } from './modules/booking/booking.module';
import { CustomerModule } from './modules/customer/customer.module';
import { DashboardModule } from './modules/dashboard/dashboard.module';
import { CampaignModule } from './modules/campaign/campaign.module';
import { TelephonyModule } from './modules/telephony/telephony.module';
import { TicketModule } from './modules/ticket/ticket.module';
import { VoiceModule } from './modules/voice/voice.module';
import { WebhooksModule } from './modules/webhooks/webhooks.module';

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
        DatabaseModule.forRoot(config.databaseUrl),
        RedisModule.forRoot(config.redisUrl),
        QueueModule.forRoot(config.redisUrl, config.queuePrefix),
        TenancyModule,
        AuditModule,
        HealthModule,
        TenantModule,
        AuthModule,
        CustomerModule,
        TicketModule,
        BookingModule,
        DashboardModule,
        WebhooksModule,
        OutgoingWebhooksModule,
        OutgoingWebhooksWorkerModule.register({ worker }),
        VoiceModule.register(config, { worker }),
        TelephonyModule.register(config, { worker }),
        CampaignModule.register(config, { worker }),
        MaintenanceModule.register({ worker }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        // The CLS service without ClsModule.forRoot, whose no-op guard and interceptor would
        // run on every request: contexts are entered by TenantTransactionInterceptor and jobs.
        { provide: ClsService, useFactory: () => ClsServiceManager.getClsService() },
        { provide: APP_PIPE, useValue: new AppValidationPipe() },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        RateLimiter,
        // In this order: who is calling, whether their session still holds and how often
        // they call, then what they may do.
        { provide: APP_GUARD, useClass: AuthenticationGuard },
        { provide: APP_GUARD, useClass: SessionGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [APP_CONFIG, ClsService, RateLimiter],
    };
  }
}

import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Redis from 'ioredis';
import { createRequestRedis } from './redis';
import { withTimeout } from '../async/timeout';

export const REDIS = Symbol('REDIS');
const READY_TIMEOUT_MS = 5_000;

@Global()
@Module({})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  static forRoot(url: string): DynamicModule {
    return {
      module: RedisModule,
      providers: [
        {
          provide: REDIS,
          useFactory: async () => {
            const client = createRequestRedis(url);
            // Connection errors surface per command as 503s; the client keeps reconnecting.
            client.on('error', () => undefined);
            // Without an offline queue, commands fail until the first connection is up:
            // wait for it (briefly) so the first requests after a start are not refused.
            await withTimeout(
              new Promise((resolve) => client.once('ready', resolve)),
              READY_TIMEOUT_MS,
            ).catch(() => undefined);
            return client;
          },
        },
      ],
      exports: [REDIS],
    };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

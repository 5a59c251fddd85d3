import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { CommonErrors } from '../../../common/errors/app.exception';
import { REDIS } from '../../../common/redis/redis.module';
import type { SimulatedConversation } from './simulated-agent';

const TTL_SECONDS = 6 * 3600;
const key = (conversationId: string) => `simulator:conversation:${conversationId}`;

/**
 * Simulated conversations live in Redis, so any API process can continue one (as any
 * process could with the real provider) and the reconciler can find finished ones.
 */
@Injectable()
export class SimulatorStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async load(conversationId: string): Promise<SimulatedConversation | null> {
    const raw = await this.redis.get(key(conversationId)).catch(() => {
      throw CommonErrors.unavailable('The voice simulator');
    });
    return raw ? (JSON.parse(raw) as SimulatedConversation) : null;
  }

  async save(conversation: SimulatedConversation): Promise<void> {
    await this.redis
      .set(key(conversation.conversationId), JSON.stringify(conversation), 'EX', TTL_SECONDS)
      .catch(() => {
        throw CommonErrors.unavailable('The voice simulator');
      });
  }
}

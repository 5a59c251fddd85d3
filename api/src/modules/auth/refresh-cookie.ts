import { Inject, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { REFRESH_TOKEN_TTL_SECONDS } from './refresh-token.service';

const NAME = 'navaia_refresh';
// Sent only to the auth routes, never readable by scripts, never sent cross-site.
const PATH = '/api/v1/auth';

@Injectable()
export class RefreshCookie {
  private readonly secure: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.secure = config.publicBaseUrl.startsWith('https://');
  }

  read(request: FastifyRequest): string | undefined {
    return request.cookies?.[NAME];
  }

  set(reply: FastifyReply, value: string): void {
    void reply.setCookie(NAME, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
      path: PATH,
      maxAge: REFRESH_TOKEN_TTL_SECONDS,
    });
  }

  clear(reply: FastifyReply): void {
    void reply.clearCookie(NAME, {
      path: PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: this.secure,
    });
  }
}

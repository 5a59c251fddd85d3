import { Inject, Injectable } from '@nestjs/common';
import { parse, serialize, SerializeOptions } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { REFRESH_TOKEN_TTL_SECONDS } from './refresh-token.service';

const NAME = 'navaia_refresh';

/**
 * The refresh token's cookie: sent only to the auth routes, never readable by scripts,
 * never sent cross-site. Parsed here rather than by a plugin, because no other route
 * reads cookies and a plugin would parse them on every request.
 */
@Injectable()
export class RefreshCookie {
  private readonly options: SerializeOptions;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.options = {
      httpOnly: true,
      sameSite: 'strict',
      secure: config.publicBaseUrl.startsWith('https://'),
      path: '/api/v1/auth',
    };
  }

  read(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    return header ? parse(header)[NAME] : undefined;
  }

  set(reply: FastifyReply, value: string): void {
    void reply.header(
      'set-cookie',
      serialize(NAME, value, { ...this.options, maxAge: REFRESH_TOKEN_TTL_SECONDS }),
    );
  }

  clear(reply: FastifyReply): void {
    void reply.header(
      'set-cookie',
      serialize(NAME, '', { ...this.options, maxAge: 0, expires: new Date(0) }),
    );
  }
}

import { LoggerService } from '@nestjs/common';
import { ClsServiceManager } from 'nestjs-cls';
import pino, { Logger } from 'pino';

const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** One pino logger per process: JSON lines on stdout. */
export function createPino(level: string): Logger {
  return pino({
    level,
    base: { pid: process.pid },
    redact: [
      'headers.authorization',
      'headers.cookie',
      'headers["x-api-key"]',
      '*.password',
      '*.token',
    ],
  });
}

/**
 * Nest's logger on top of pino. Every line carries the request (or job) id and tenant of
 * the context it was written in, so one request's lines can be found together.
 */
export class AppLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  private context(): Record<string, unknown> {
    const cls = ClsServiceManager.getClsService();
    if (!cls.isActive()) return {};
    const requestId = cls.get('requestId');
    const tenantId = cls.get('tenantId');
    return { ...(requestId ? { requestId } : {}), ...(tenantId ? { tenantId } : {}) };
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    if (!this.pino.isLevelEnabled(level)) return;
    const context =
      typeof params[params.length - 1] === 'string' ? (params.pop() as string) : undefined;
    const fields = { ...this.context(), ...(context ? { context } : {}) };
    if (message instanceof Error)
      return this.pino[level]({ ...fields, err: message }, message.message);
    if (typeof message === 'object' && message !== null) {
      const text = typeof params[0] === 'string' ? (params.shift() as string) : undefined;
      return this.pino[level]({ ...fields, ...(message as object) }, text);
    }
    const stack = level === 'error' && typeof params[0] === 'string' ? { stack: params[0] } : {};
    this.pino[level]({ ...fields, ...stack }, String(message));
  }

  log(message: unknown, ...params: unknown[]) {
    // Nest's own start-up chatter (one line per module and route) is debug detail.
    const context = params[params.length - 1];
    const level = typeof context === 'string' && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info';
    this.write(level, message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }
}

import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { RequestErrorCode, type ErrorCode } from '@navaia/shared';
import { errorBody } from '../errors/exception.filter';

interface Answer {
  statusCode: number;
  code: ErrorCode;
  message: string;
}

const ANSWERS: Record<string, Answer> = {
  ERR_HTTP_REQUEST_TIMEOUT: {
    statusCode: 408,
    code: RequestErrorCode.RequestTimeout,
    message: 'The request took too long to arrive',
  },
  HPE_HEADER_OVERFLOW: {
    statusCode: 431,
    code: RequestErrorCode.HeadersTooLarge,
    message: 'The request line or headers are too large (a shorter query string may help)',
  },
};
const MALFORMED: Answer = {
  statusCode: 400,
  code: RequestErrorCode.MalformedRequest,
  message: 'Malformed HTTP request',
};

/**
 * Answers requests Node's HTTP parser refuses before Fastify sees them (a URL or headers
 * over the limit, malformed framing) with the API's error body and headers, like every
 * other error, instead of Fastify's own body.
 */
export function clientErrorHandler(
  nextRequestId: () => string,
  headers: Record<string, string>,
): (error: Error & { code?: string }, socket: Socket) => void {
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return (error, socket) => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    if (socket.writable) {
      const mapped = ANSWERS[error.code ?? ''] ?? MALFORMED;
      const body = JSON.stringify(errorBody(mapped, nextRequestId()));
      socket.write(
        `HTTP/1.1 ${mapped.statusCode} ${STATUS_CODES[mapped.statusCode]}\r\n` +
          `content-type: application/json; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\n${extra}connection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy(error);
  };
}

import { CommonErrorCode, VoiceErrorCode, type ErrorCode } from '@navaia/shared';
import { ElevenLabsError, ElevenLabsTimeoutError } from '@elevenlabs/elevenlabs-js';
import { AppException } from '../../../common/errors/app.exception';

/**
 * A call to ElevenLabs that failed after the SDK's own retries. The message names the action,
 * the HTTP status and ElevenLabs' reason, because the SDK's default message is a multi-line
 * JSON dump that reads badly in a log line or an API error.
 */
export class ElevenLabsRequestError extends AppException {
  constructor(
    /** ElevenLabs' HTTP status; undefined when no answer came (timeout, network). */
    readonly upstreamStatus: number | undefined,
    statusCode: number,
    code: ErrorCode,
    message: string,
    headers?: Record<string, string>,
  ) {
    super(statusCode, code, message, undefined, headers);
    this.name = 'ElevenLabsRequestError';
  }
}

const MAX_DETAIL = 300;

/** ElevenLabs' reason from an error body: `{detail: "…"}`, `{detail: {message}}` or FastAPI's list. */
export function elevenLabsReason(body: unknown): string | undefined {
  const detail = body && typeof body === 'object' ? (body as { detail?: unknown }).detail : body;
  let reason: string | undefined;
  if (typeof detail === 'string') reason = detail;
  else if (Array.isArray(detail)) {
    reason = detail
      .map((item: { loc?: unknown[]; msg?: unknown }) => {
        // The first element of `loc` is where the field lives (body, query), not its name.
        const field = Array.isArray(item?.loc) ? item.loc.slice(1).join('.') : '';
        const message = typeof item?.msg === 'string' ? item.msg : JSON.stringify(item);
        return field ? `${field}: ${message}` : message;
      })
      .join('; ');
  } else if (detail && typeof detail === 'object') {
    const { message, status } = detail as { message?: unknown; status?: unknown };
    reason =
      typeof message === 'string'
        ? message
        : typeof status === 'string'
          ? status
          : JSON.stringify(detail);
  } else if (detail !== undefined && detail !== null) reason = JSON.stringify(detail);
  if (!reason) return undefined;
  return reason.length > MAX_DETAIL ? `${reason.slice(0, MAX_DETAIL)}…` : reason;
}

/**
 * Turns whatever the SDK threw into one clear error. A refusal (4xx other than 408/429) is a
 * configuration problem on our side — a wrong API key or agent id — so it is a 502 that says
 * what ElevenLabs objected to; no answer, 429 or 5xx after the retries means ElevenLabs is
 * unavailable right now, which callers may try again later.
 */
export function elevenLabsFailure(action: string, error: unknown): Error {
  if (error instanceof ElevenLabsRequestError) return error;
  if (error instanceof ElevenLabsTimeoutError || isAbort(error)) {
    return unavailable(undefined, `ElevenLabs did not answer in time when asked to ${action}`);
  }
  if (!(error instanceof ElevenLabsError)) {
    const message = error instanceof Error ? error.message : String(error);
    // fetch() rejects with a TypeError when there is no connection at all.
    if (error instanceof TypeError && /fetch failed/i.test(message))
      return unavailable(undefined, `ElevenLabs could not be reached to ${action}: ${message}`);
    // Anything else, e.g. the SDK failing to read an answer whose shape it does not expect.
    return new ElevenLabsRequestError(
      undefined,
      502,
      VoiceErrorCode.ProviderError,
      `Could not ${action} with ElevenLabs: ${message.split('\n')[0]}`,
    );
  }
  const status = error.statusCode;
  if (status === undefined) {
    // The SDK's network failures carry only a message (first line of its text).
    const first = error.message.split('\n')[0] || 'no response';
    return unavailable(undefined, `ElevenLabs could not be reached to ${action}: ${first}`);
  }
  if (status < 400) {
    return new ElevenLabsRequestError(
      status,
      502,
      VoiceErrorCode.ProviderError,
      `ElevenLabs sent an unreadable answer when asked to ${action} (HTTP ${status})`,
    );
  }
  const reason = elevenLabsReason(error.body);
  const text = `ElevenLabs refused to ${action}: HTTP ${status}${reason ? ` (${reason})` : ''}`;
  if (status === 408 || status === 429 || status >= 500) return unavailable(status, text);
  const hint = status === 401 || status === 403 ? '; check ELEVENLABS_API_KEY' : '';
  return new ElevenLabsRequestError(status, 502, VoiceErrorCode.ProviderRejected, `${text}${hint}`);
}

function unavailable(status: number | undefined, message: string): ElevenLabsRequestError {
  return new ElevenLabsRequestError(status, 503, CommonErrorCode.DependencyUnavailable, message, {
    'Retry-After': '5',
  });
}

function isAbort(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'AbortError' || name === 'TimeoutError';
}

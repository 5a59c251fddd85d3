/** One problem with one input field; `field` is a dotted path such as `limits.callsPerSecond`. */
export interface FieldError {
  field: string;
  message: string;
}

/** The error body every API error answers with. */
export interface ErrorBody {
  /** The HTTP status, repeated for clients that only see the body. */
  statusCode: number;
  /** The standard reason phrase of the status, e.g. `Not Found`. */
  error: string;
  /**
   * Stable and machine-readable, e.g. `validation_failed`, `not_found`, `conflict`: one of the
   * `ErrorCode` enums (`ERROR_CODE_ENUMS`). Switch on it, never on `message`.
   */
  code: string;
  /** One sentence for people. */
  message: string;
  /** Per-field problems for 400s; other context elsewhere. */
  details?: FieldError[] | Record<string, unknown>;
  /** Also sent as the `X-Request-Id` header; quote it when reporting a problem. */
  requestId: string;
}

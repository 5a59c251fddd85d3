/** One problem with one input field; `field` is a dotted path such as `limits.callsPerSecond`. */
export interface FieldError {
  field: string;
  message: string;
}

/** The error body every API error answers with. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: FieldError[] | Record<string, unknown>;
  requestId: string;
}

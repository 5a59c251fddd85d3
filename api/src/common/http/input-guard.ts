import { RequestErrorCode } from '@navaia/shared';
import { AppException, CommonErrors } from '../errors/app.exception';

/**
 * How deep a JSON body may nest. Ours nest three levels at most; validation and
 * transformation recurse, so a body nested thousands of levels would exhaust the stack.
 */
export const MAX_BODY_DEPTH = 32;

/**
 * NUL, which PostgreSQL text cannot hold, and lone UTF-16 surrogates (JSON's `"\ud800"`),
 * which are not text at all and make validators throw.
 */
const NOT_TEXT = /[\0\p{Cs}]/u;

/** Parsed JSON and query strings: arrays and objects (query parsers use their own prototypes). */
const isContainer = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !ArrayBuffer.isView(value);

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * Refuses input no route can use, before validation sees it: a body nested deeper than the
 * limit, and keys or strings that are not text. Walks without recursion, so any depth is
 * safe; the answer names the field, as validation errors do.
 */
export function checkInput(input: unknown, limit = MAX_BODY_DEPTH): AppException | undefined {
  if (typeof input === 'string') {
    return NOT_TEXT.test(input) ? notText('body') : undefined;
  }
  if (!isContainer(input)) return undefined;
  const stack: [object, number, string][] = [[input, 1, '']];
  while (stack.length) {
    const [value, depth, path] = stack.pop()!;
    if (depth > limit) {
      return new AppException(
        400,
        RequestErrorCode.BodyTooDeep,
        `The body nests deeper than ${limit} levels`,
      );
    }
    for (const [key, child] of Object.entries(value)) {
      if (NOT_TEXT.test(key)) return notText(join(path, key));
      if (typeof child === 'string' && NOT_TEXT.test(child)) return notText(join(path, key));
      if (isContainer(child)) stack.push([child, depth + 1, join(path, key)]);
    }
  }
  return undefined;
}

const notText = (field: string) =>
  CommonErrors.validation([
    { field, message: `${field} must be text without NUL characters or lone surrogates` },
  ]);

import { CommonErrorCode, nextStatuses } from '@navaia/shared';
import { AppException } from './app.exception';

/** 409 for a status change the workflow does not allow, naming the moves it does. */
export function illegalTransition<S extends string>(
  what: string,
  table: Readonly<Record<S, readonly S[]>>,
  from: S,
  to: S,
): AppException {
  const allowed = nextStatuses(table, from);
  return new AppException(
    409,
    CommonErrorCode.IllegalStatusChange,
    `A ${what} cannot move from ${from} to ${to}; allowed: ${allowed.length ? allowed.join(', ') : 'none'}`,
    { from, to, allowed },
  );
}

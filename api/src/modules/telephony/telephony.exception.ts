import { CallErrorCode, CallRejection, CommonErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';
import type { OutsideCallingHours } from './calling-hours';

const field = (message: string) => [{ field: 'customerId', message }];

export const TelephonyErrors = {
  notFound: () => new AppException(404, CommonErrorCode.NotFound, 'Call not found'),
  doNotCall: () =>
    new AppException(
      422,
      CallErrorCode.DoNotCall,
      'This customer asked not to be called (do not call)',
      field('the customer is on the do-not-call list'),
    ),
  invalidPhone: () =>
    new AppException(
      422,
      CallErrorCode.CustomerPhoneInvalid,
      'This customer has no phone number that can be dialled',
      field('the customer’s phone is not a valid E.164 number'),
    ),
  dailyCapReached: (cap: number, retryAfterSec: number) =>
    new AppException(
      429,
      CallErrorCode.DailyCapReached,
      `The tenant’s daily cap of ${cap} calls is reached; calling resumes tomorrow or with a higher cap in the settings`,
      undefined,
      { 'Retry-After': String(retryAfterSec) },
    ),
  bulkRateLimited: (perMinute: number, retryAfterSec: number) =>
    new AppException(
      429,
      CommonErrorCode.RateLimited,
      `At most ${perMinute} bulk call requests a minute; try again in ${retryAfterSec} s`,
      undefined,
      { 'Retry-After': String(retryAfterSec) },
    ),
  outsideCallingWindow: (outside: OutsideCallingHours) =>
    new AppException(422, CallErrorCode.OutsideCallingWindow, outside.message, outside.details),
  notCancelable: (status: string) =>
    new AppException(
      409,
      CallErrorCode.NotCancelable,
      `Only a queued call can be cancelled; this one is ${status}`,
    ),
};

/** The sentence shown next to a bulk rejection. */
export const REJECTION_MESSAGES: Record<CallRejection, string> = {
  [CallRejection.NotFound]: 'No such customer',
  [CallRejection.DoNotCall]: 'The customer asked not to be called',
  [CallRejection.InvalidPhone]: 'The customer’s phone cannot be dialled',
  [CallRejection.DailyCapReached]: 'The tenant’s daily call cap is reached',
  [CallRejection.Duplicate]: 'The customer appears more than once in the request',
  [CallRejection.OutsideCallingWindow]: 'Outside the calling hours in the customer’s time zone',
};

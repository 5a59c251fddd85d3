import { CommonErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const BookingErrors = {
  notFound: () => new AppException(404, CommonErrorCode.NotFound, 'Booking not found'),
  endsBeforeStart: () =>
    new AppException(
      400,
      CommonErrorCode.ValidationFailed,
      'The booking must end after it starts',
      [{ field: 'endsAt', message: 'endsAt must be later than startsAt' }],
    ),
  changedConcurrently: () =>
    new AppException(
      409,
      CommonErrorCode.ChangedConcurrently,
      'The booking changed meanwhile; reload and try again',
    ),
};

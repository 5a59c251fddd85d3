import { AppException } from '../../common/errors/app.exception';

export const BookingErrors = {
  notFound: () => new AppException(404, 'not_found', 'Booking not found'),
  endsBeforeStart: () =>
    new AppException(400, 'validation_failed', 'The booking must end after it starts', [
      { field: 'endsAt', message: 'endsAt must be later than startsAt' },
    ]),
  changedConcurrently: () =>
    new AppException(
      409,
      'changed_concurrently',
      'The booking changed meanwhile; reload and try again',
    ),
};

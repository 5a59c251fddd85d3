import { CommonErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const TicketErrors = {
  notFound: () => new AppException(404, CommonErrorCode.NotFound, 'Ticket not found'),
  changedConcurrently: () =>
    new AppException(
      409,
      CommonErrorCode.ChangedConcurrently,
      'The ticket changed meanwhile; reload and try again',
    ),
};

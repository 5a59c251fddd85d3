import { AppException } from '../../common/errors/app.exception';

export const TicketErrors = {
  notFound: () => new AppException(404, 'not_found', 'Ticket not found'),
  changedConcurrently: () =>
    new AppException(
      409,
      'changed_concurrently',
      'The ticket changed meanwhile; reload and try again',
    ),
};

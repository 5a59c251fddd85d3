import { CommonErrorCode, CustomerErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const CustomerErrors = {
  notFound: (field?: string) =>
    new AppException(
      404,
      CommonErrorCode.NotFound,
      'Customer not found',
      field
        ? [{ field, message: `${field} does not name a customer of this organisation` }]
        : undefined,
    ),
  invalidPhone: (country: string) =>
    new AppException(400, CustomerErrorCode.InvalidPhone, 'The phone number is not valid', [
      {
        field: 'phone',
        message: `phone must be a valid number (E.164, or national for ${country})`,
      },
    ]),
  phoneTaken: () =>
    new AppException(409, CustomerErrorCode.PhoneTaken, 'Another customer has this phone number', [
      { field: 'phone', message: 'phone already belongs to another customer' },
    ]),
};

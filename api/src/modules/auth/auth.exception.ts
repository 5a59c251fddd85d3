import { AuthErrorCode, CommonErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const AuthErrors = {
  unauthenticated: () =>
    new AppException(401, AuthErrorCode.Unauthenticated, 'Missing or invalid credentials'),
  sessionRevoked: () =>
    new AppException(
      401,
      AuthErrorCode.SessionRevoked,
      'Your session has ended; please sign in again',
    ),
  invalidCredentials: () =>
    new AppException(401, AuthErrorCode.InvalidCredentials, 'Email or password is incorrect'),
  invalidRefreshToken: () =>
    new AppException(
      401,
      AuthErrorCode.InvalidRefreshToken,
      'Your session has ended; please log in again',
    ),
  passwordChangeRequired: () =>
    new AppException(403, AuthErrorCode.PasswordChangeRequired, 'Password change required'),
  wrongCurrentPassword: () =>
    new AppException(400, AuthErrorCode.WrongCurrentPassword, 'Current password is incorrect', [
      { field: 'currentPassword', message: 'currentPassword is incorrect' },
    ]),
  weakPassword: (problem: string) =>
    new AppException(400, CommonErrorCode.ValidationFailed, problem, [
      { field: 'newPassword', message: problem },
    ]),
  emailTaken: () =>
    new AppException(409, AuthErrorCode.EmailTaken, 'A user with this email already exists', [
      { field: 'email', message: 'email is already in use' },
    ]),
  apiKeyNotAllowed: () =>
    new AppException(
      403,
      AuthErrorCode.ApiKeyNotAllowed,
      'API keys cannot use this route; sign in as a person',
    ),
  missingScope: (scope: string) =>
    new AppException(403, AuthErrorCode.MissingScope, `This API key lacks the scope ${scope}`, {
      requiredScope: scope,
    }),
  loginThrottled: (retryAfterSeconds: number) =>
    new AppException(
      429,
      AuthErrorCode.LoginThrottled,
      'Too many login attempts; try again later',
      undefined,
      { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    ),
  registrationThrottled: (retryAfterSeconds: number) =>
    new AppException(
      429,
      AuthErrorCode.RegistrationThrottled,
      'Too many sign-ups from your network; try again later',
      undefined,
      { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
    ),
};

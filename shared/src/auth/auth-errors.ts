/** Error codes of sign-in, sessions, passwords and API-key access. */
export enum AuthErrorCode {
  Unauthenticated = 'unauthenticated',
  SessionRevoked = 'session_revoked',
  InvalidCredentials = 'invalid_credentials',
  InvalidRefreshToken = 'invalid_refresh_token',
  PasswordChangeRequired = 'password_change_required',
  WrongCurrentPassword = 'wrong_current_password',
  EmailTaken = 'email_taken',
  LoginThrottled = 'login_throttled',
  RegistrationThrottled = 'registration_throttled',
  ApiKeyNotAllowed = 'api_key_not_allowed',
  MissingScope = 'missing_scope',
}

import { CommonErrorCode, TenantErrorCode } from '@navaia/shared';
import { AppException } from '../../common/errors/app.exception';

export const TenantErrors = {
  tenantNotFound: () => new AppException(404, CommonErrorCode.NotFound, 'Tenant not found'),
  userNotFound: () => new AppException(404, CommonErrorCode.NotFound, 'User not found'),
  memberNotFound: (field: string) =>
    new AppException(404, CommonErrorCode.NotFound, 'User not found', [
      { field, message: `${field} does not name a member of this organisation` },
    ]),
  cannotChangeOwnRole: () =>
    new AppException(409, TenantErrorCode.CannotChangeOwnRole, 'You cannot change your own role', [
      { field: 'role', message: 'you cannot change your own role' },
    ]),
  cannotRemoveSelf: () =>
    new AppException(409, TenantErrorCode.CannotRemoveSelf, 'You cannot remove yourself'),
  ownerRequired: () =>
    new AppException(403, TenantErrorCode.OwnerRequired, 'Only an owner can manage owners'),
  apiKeyNotFound: () => new AppException(404, CommonErrorCode.NotFound, 'API key not found'),
  apiKeyNotActive: (status: string) =>
    new AppException(
      409,
      TenantErrorCode.ApiKeyNotActive,
      `Only an active API key can be rotated; this one is ${status}`,
    ),
  /** `field`: the settings field, e.g. `voice.agents.support`. */
  providerIdTaken: (field: string) =>
    new AppException(
      409,
      TenantErrorCode.ProviderIdTaken,
      'This provider identifier is already used by another organisation',
      [{ field, message: 'This identifier is already used by another organisation' }],
    ),
  lastOwner: () =>
    new AppException(409, TenantErrorCode.LastOwner, 'A tenant must keep at least one owner'),
};

/** Error codes of the organisation, its members, settings and API keys. */
export enum TenantErrorCode {
  CannotChangeOwnRole = 'cannot_change_own_role',
  CannotRemoveSelf = 'cannot_remove_self',
  OwnerRequired = 'owner_required',
  LastOwner = 'last_owner',
  ApiKeyNotActive = 'api_key_not_active',
  ProviderIdTaken = 'provider_id_taken',
}

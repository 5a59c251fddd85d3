import type { CreateApiKeyDto, CreatedApiKey } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useKeyMutation } from './use-key-mutation';

export type CreateApiKeyBody = Pick<CreateApiKeyDto, 'name' | 'scopes' | 'expiresAt'>;

/** The answer holds the key itself, shown this once. */
export function createApiKey(body: CreateApiKeyBody): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>('/api-keys', body);
}

export function useCreateApiKey() {
  return useKeyMutation(createApiKey);
}

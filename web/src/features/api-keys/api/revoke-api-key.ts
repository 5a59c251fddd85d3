import { api } from '../../../lib/api-client';
import { useKeyMutation } from './use-key-mutation';

export function revokeApiKey(id: string): Promise<void> {
  return api.delete(`/api-keys/${encodeURIComponent(id)}`);
}

export function useRevokeApiKey() {
  return useKeyMutation(revokeApiKey);
}

import type { CreatedApiKey } from '@navaia/shared';
import { api } from '../../../lib/api-client';
import { useKeyMutation } from './use-key-mutation';

export interface RotateApiKeyInput {
  id: string;
  /** How long the old key keeps working; the server's default when left out. */
  graceSeconds?: number;
}

/** The answer is the replacing key, shown this once. */
export function rotateApiKey({ id, graceSeconds }: RotateApiKeyInput): Promise<CreatedApiKey> {
  return api.post<CreatedApiKey>(
    `/api-keys/${encodeURIComponent(id)}/rotate`,
    graceSeconds === undefined ? {} : { graceSeconds },
  );
}

export function useRotateApiKey() {
  return useKeyMutation(rotateApiKey);
}

import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../../lib/api-client';
import { useTenantId } from '../../../lib/auth-store';
import { callsQueryKey } from './get-calls';

/** The recording as a Blob: the link needs the bearer token, which `<audio src>` cannot send. */
export function getCallRecording(url: string, signal?: AbortSignal): Promise<Blob> {
  return api.getBlob(url, { signal });
}

/** A playable object URL for the recording at `url` (null while loading or without one). */
export function useCallRecording(url: string | null) {
  const tenantId = useTenantId();
  const recording = useQuery({
    queryKey: [...callsQueryKey(tenantId), 'recording', url] as const,
    queryFn: ({ signal }) => getCallRecording(url!, signal),
    enabled: !!url,
    // A recording never changes; one download per page view is plenty.
    staleTime: Infinity,
    gcTime: 60_000,
  });
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!recording.data) return;
    const next = URL.createObjectURL(recording.data);
    setObjectUrl(next);
    return () => {
      URL.revokeObjectURL(next);
      setObjectUrl(null);
    };
  }, [recording.data]);
  return { ...recording, objectUrl };
}

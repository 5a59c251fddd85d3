import { useSyncExternalStore } from 'react';

/**
 * Which campaigns' event streams are connected right now. Their queries stop polling while
 * the stream feeds them, and poll again as soon as it drops.
 */
const connected = new Set<string>();
const listeners = new Set<() => void>();

export function setStreamConnected(id: string, on: boolean): void {
  if (connected.has(id) === on) return;
  if (on) connected.add(id);
  else connected.delete(id);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function useStreamConnected(id: string): boolean {
  return useSyncExternalStore(subscribe, () => connected.has(id));
}

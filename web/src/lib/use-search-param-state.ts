import { useSearchParams } from 'react-router';

/**
 * The address's query parameters, and a setter that changes some of them in place (null or
 * empty clears one) without a new history entry: for filters that live in the address.
 */
export function useSearchParamState() {
  const [params, setParams] = useSearchParams();
  const set = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  return [params, set] as const;
}

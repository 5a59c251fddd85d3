/** One value the agent collected during the call (ElevenLabs "data collection"). */
export interface CollectedValue {
  key: string;
  label: string;
  value: string;
  rationale: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `customer_name` → `Customer name`. */
export function humanizeKey(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

export function formatCollectedValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

/**
 * The data-collection results of a conversation's analysis, in the provider's order. The
 * analysis is the provider's JSON, so nothing about its shape is trusted.
 */
export function collectedValues(analysis: Record<string, unknown> | null): CollectedValue[] {
  const results = analysis?.data_collection_results;
  if (!isRecord(results)) return [];
  return Object.entries(results).map(([key, result]) => {
    const entry = isRecord(result) ? result : { value: result };
    return {
      key,
      label: humanizeKey(key),
      value: formatCollectedValue(entry.value),
      rationale: typeof entry.rationale === 'string' && entry.rationale ? entry.rationale : null,
    };
  });
}

/** A short text field of the analysis (`call_summary_title`, `call_successful`), if present. */
export function analysisText(analysis: Record<string, unknown> | null, key: string): string | null {
  const value = analysis?.[key];
  return typeof value === 'string' && value ? value : null;
}

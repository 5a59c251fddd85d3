export type DiffKind = 'added' | 'removed' | 'changed' | 'same';

export interface DiffRow {
  field: string;
  before: string | null;
  after: string | null;
  kind: DiffKind;
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The fields of a before/after pair, changed ones first, each value as text. A field missing
 * on one side is added or removed; nested objects compare as a whole.
 */
export function auditDiff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): DiffRow[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const rows = fields.map((field): DiffRow => {
    const has = { before: !!before && field in before, after: !!after && field in after };
    const b = has.before ? show(before![field]) : null;
    const a = has.after ? show(after![field]) : null;
    const kind: DiffKind = !has.before
      ? 'added'
      : !has.after
        ? 'removed'
        : a === b
          ? 'same'
          : 'changed';
    return { field, before: b, after: a, kind };
  });
  const rank = (kind: DiffKind) => (kind === 'same' ? 1 : 0);
  return rows.sort((x, y) => rank(x.kind) - rank(y.kind));
}

/** The statuses a record may move to from `from`, by a transition table. */
export function nextStatuses<S extends string>(
  table: Readonly<Record<S, readonly S[]>>,
  from: S,
): readonly S[] {
  return table[from] ?? [];
}

export function canTransition<S extends string>(
  table: Readonly<Record<S, readonly S[]>>,
  from: S,
  to: S,
): boolean {
  return from === to || nextStatuses(table, from).includes(to);
}

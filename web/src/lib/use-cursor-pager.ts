import { useState } from 'react';

/**
 * Previous/next through a keyset-paginated list: the cursors of the pages seen so far, on a
 * stack. A new `resetKey` (the filters) starts again at the first page.
 */
export function useCursorPager(resetKey: string) {
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({
    key: resetKey,
    cursors: [null],
  });
  const cursors = state.key === resetKey ? state.cursors : [null];
  const cursor = cursors[cursors.length - 1];

  return {
    /** The cursor of the page to show; null for the first. */
    cursor,
    /** 1-based. */
    page: cursors.length,
    hasPrevious: cursors.length > 1,
    next(nextCursor: string) {
      setState({ key: resetKey, cursors: [...cursors, nextCursor] });
    },
    previous() {
      setState({ key: resetKey, cursors: cursors.slice(0, -1) });
    },
    first() {
      setState({ key: resetKey, cursors: [null] });
    },
  };
}

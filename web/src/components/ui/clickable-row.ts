import type { MouseEvent } from 'react';

/**
 * A row click handler that opens `to`, unless the click was on a link or button inside the row
 * (they do their own thing) or the user is selecting text.
 */
export function openOnRowClick(open: () => void) {
  return (event: MouseEvent<HTMLElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, [role="button"]')) return;
    if (window.getSelection()?.toString()) return;
    open();
  };
}

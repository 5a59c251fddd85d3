/**
 * Splits a tenant's campaign capacity among its running campaigns: equal shares, each capped
 * (by the campaign's own concurrency and by what it can use now); what a capped campaign
 * leaves goes to the others. Slots that do not divide evenly go one each to campaigns in
 * an order that starts at `rotation`, so across ticks every campaign gets its turn.
 */
export function fairShares(capacity: number, caps: number[], rotation: number): number[] {
  const shares = caps.map(() => 0);
  let left = Math.max(0, capacity);
  let open = caps.flatMap((cap, i) => (cap > 0 ? [i] : []));
  while (left > 0 && open.length > 0) {
    const each = Math.floor(left / open.length);
    if (each === 0) {
      const n = caps.length;
      const start = ((rotation % n) + n) % n;
      const order = [...open].sort((a, b) => ((a - start + n) % n) - ((b - start + n) % n));
      for (const i of order.slice(0, left)) shares[i]++;
      break;
    }
    for (const i of open) {
      const add = Math.min(each, caps[i] - shares[i]);
      shares[i] += add;
      left -= add;
    }
    open = open.filter((i) => shares[i] < caps[i]);
  }
  return shares;
}

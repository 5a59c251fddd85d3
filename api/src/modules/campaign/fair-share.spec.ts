import { fairShares } from './fair-share';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('fair shares of a tenant’s campaign capacity', () => {
  it('splits evenly among campaigns that can use it', () => {
    expect(fairShares(8, [10, 10], 0)).toEqual([4, 4]);
    expect(fairShares(9, [10, 10, 10], 0)).toEqual([3, 3, 3]);
  });

  it('gives a share a campaign cannot use to the others', () => {
    expect(fairShares(10, [2, 10, 10], 0)).toEqual([2, 4, 4]);
    expect(fairShares(10, [2, 3, 10], 0)).toEqual([2, 3, 5]);
    expect(fairShares(10, [0, 10], 0)).toEqual([0, 10]);
    expect(fairShares(10, [2, 3], 0)).toEqual([2, 3]);
  });

  it('rotates the slots that do not divide evenly', () => {
    expect(fairShares(3, [5, 5], 0)).toEqual([2, 1]);
    expect(fairShares(3, [5, 5], 1)).toEqual([1, 2]);
    expect(fairShares(1, [5, 5, 5], 2)).toEqual([0, 0, 1]);
    expect(fairShares(2, [5, 0, 5, 5], 1)).toEqual([0, 0, 1, 1]);
    expect(fairShares(2, [5, 0, 5, 5], 3)).toEqual([1, 0, 0, 1]);
  });

  it('never hands out more than the capacity or a campaign’s cap', () => {
    for (let capacity = 0; capacity < 30; capacity++) {
      for (const caps of [[1], [3, 7], [0, 4, 9, 2], [5, 5, 5, 5, 5]]) {
        for (let rotation = 0; rotation < 6; rotation++) {
          const shares = fairShares(capacity, caps, rotation);
          expect(sum(shares)).toBe(Math.min(capacity, sum(caps)));
          shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(caps[i]));
          // Campaigns that could take more differ by at most the one rotating slot.
          const uncapped = shares.filter((s, i) => s < caps[i]);
          if (uncapped.length)
            expect(Math.max(...shares) - Math.min(...uncapped)).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

import { deriveStatus, USER_STATUSES } from '../../core/index.js';

/**
 * Status as a range test on lastEventAt. `deriveStatus` (core) is monotone in lastEventAt, so for one
 * `now` the statuses split the time line at three points; they are found by binary search on
 * `deriveStatus` itself, so the thresholds stay defined in core only. rank = index in USER_STATUSES.
 */
export interface StatusRanks {
  now: number;
  /** bounds[k]: the smallest lastEventAt whose rank is <= k (−Infinity when every time qualifies). */
  bounds: number[];
  nullRank: number;
}
let ranksCache: StatusRanks | undefined;

export function statusRanks(now: number): StatusRanks {
  if (ranksCache?.now === now) return ranksCache;
  const rank = (t: number | null) => USER_STATUSES.indexOf(deriveStatus(t, now));
  const bounds: number[] = [];
  for (let k = 0; k < USER_STATUSES.length - 1; k++) {
    let lo = now - 2 ** 42; // ~140 years back: older than any recorded time
    let hi = now + 1;
    if (rank(hi) > k) {
      bounds.push(Infinity); // nothing reaches this rank (never happens with the reference thresholds)
      continue;
    }
    if (rank(lo) <= k) {
      bounds.push(-Infinity);
      continue;
    }
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (rank(mid) <= k) hi = mid;
      else lo = mid;
    }
    bounds.push(hi);
  }
  ranksCache = { now, bounds, nullRank: rank(null) };
  return ranksCache;
}

/** The rank (index in USER_STATUSES) of a user's status at the `ranks` clock: three comparisons. */
export function rankOf(lastEventAt: number | null, ranks: StatusRanks): number {
  if (lastEventAt === null) return ranks.nullRank;
  const b = ranks.bounds;
  let r = 0;
  while (r < b.length && lastEventAt < b[r]!) r++;
  return r;
}

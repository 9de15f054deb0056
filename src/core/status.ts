import { toMsOrNull, type Timestamp } from './time.js';

export type UserStatus = 'ONLINE' | 'ACTIVE_24H' | 'IDLE_7D' | 'DORMANT';

/** The order of the status filter and of the buckets, most recent first. */
export const USER_STATUSES: readonly UserStatus[] = Object.freeze(['ONLINE', 'ACTIVE_24H', 'IDLE_7D', 'DORMANT']);

/** Upper bound (inclusive, in ms since the last event) of each status but DORMANT. */
export interface StatusThresholds {
  ONLINE: number;
  ACTIVE_24H: number;
  IDLE_7D: number;
}

export const STATUS_THRESHOLDS: Readonly<StatusThresholds> = Object.freeze({
  ONLINE: 120_000,
  ACTIVE_24H: 86_400_000,
  IDLE_7D: 604_800_000,
});

/** Throws a RangeError unless the thresholds are positive, finite and ascending. */
export function assertThresholds(t: StatusThresholds): void {
  const bounds = [t.ONLINE, t.ACTIVE_24H, t.IDLE_7D];
  const valid = bounds.every((b) => Number.isFinite(b) && b > 0) && t.ONLINE <= t.ACTIVE_24H && t.ACTIVE_24H <= t.IDLE_7D;
  if (!valid) throw new RangeError('Status thresholds must be positive, finite and ascending (ONLINE ≤ ACTIVE_24H ≤ IDLE_7D)');
}

/**
 * The activity status from the last event time (max `endedAt` of real sessions). Bounds are
 * inclusive; a future time counts as ONLINE (clock skew); never seen is DORMANT.
 */
export function deriveStatus(
  lastEventAt: Timestamp | null | undefined,
  now: number | Date = Date.now(),
  thresholds: StatusThresholds = STATUS_THRESHOLDS,
): UserStatus {
  if (thresholds !== STATUS_THRESHOLDS) assertThresholds(thresholds);
  const last = toMsOrNull(lastEventAt);
  if (last === null) return 'DORMANT';
  const elapsed = (typeof now === 'number' ? now : now.getTime()) - last;
  if (elapsed <= thresholds.ONLINE) return 'ONLINE';
  if (elapsed <= thresholds.ACTIVE_24H) return 'ACTIVE_24H';
  if (elapsed <= thresholds.IDLE_7D) return 'IDLE_7D';
  return 'DORMANT';
}

/** The exact (case-sensitive) status literal, or null. */
export function parseStatus(raw: unknown): UserStatus | null {
  return typeof raw === 'string' && (USER_STATUSES as readonly string[]).includes(raw) ? (raw as UserStatus) : null;
}

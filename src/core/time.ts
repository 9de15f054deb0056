/** Anything the SDK or an API hands us as a point in time. */
export type Timestamp = string | number | Date;

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Milliseconds since the epoch; NaN when the input cannot be read as a time. */
export function toMs(time: Timestamp): number {
  if (typeof time === 'number') return time;
  if (time instanceof Date) return time.getTime();
  if (typeof time !== 'string' || time.trim() === '') return Number.NaN;
  return Date.parse(time);
}

/** Like `toMs`, but null for a missing or unreadable time. */
export function toMsOrNull(time: Timestamp | null | undefined): number | null {
  if (time === null || time === undefined) return null;
  const ms = toMs(time);
  return Number.isFinite(ms) ? ms : null;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}

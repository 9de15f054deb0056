/** What an adapter's failed answer means: one mapping from HTTP statuses to error kinds for every adapter. */
import type { DozorErrorKind } from '../errors.js';

/**
 * The kind of a failed answer's status: Dozor's client mapping (reference §1.2) for the statuses it
 * names; 408 is a timeout; any other 4xx is the request's fault (`validation`); 5xx `server`; a status
 * outside 400..599 (an unfollowed redirect) is as if no answer came (`network`).
 */
export function errorKindForStatus(status: number): DozorErrorKind {
  if (status === 401) return 'auth';
  if (status === 403) return 'permission';
  if (status === 404) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate-limit';
  if (status >= 500 && status <= 599) return 'server';
  if (status >= 400 && status <= 499) return 'validation';
  return 'network';
}

/** `Retry-After` as delay-seconds or an HTTP date, in ms from now; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

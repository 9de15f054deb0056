export const MIN_REAL_SESSION_EVENTS = 10;
export const MIN_REAL_SESSION_DURATION_SECONDS = 1;
export const SESSION_RETENTION_DAYS = 90;

/** A session counts anywhere in the feature only with at least 10 events and 1 second. */
export function isRealSession(session: { eventCount: number; duration: number }): boolean {
  return session.eventCount >= MIN_REAL_SESSION_EVENTS && session.duration >= MIN_REAL_SESSION_DURATION_SECONDS;
}

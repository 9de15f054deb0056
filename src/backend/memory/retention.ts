/**
 * The daily cleanup cron's tracked-user steps (reference §4.2), in its order:
 * 1. delete every throwaway (non-real) session;
 * 2. delete sessions created more than SESSION_RETENTION_DAYS ago (by `createdAt`, the first ingest);
 * 3. delete every tracked user (identified or anonymous) left without any session.
 * A user with one recent session stays, however idle.
 */
import { DAY_MS, SESSION_RETENTION_DAYS } from '../../core/index.js';
import type { Store } from './store.js';

export interface RetentionResult {
  throwawaySessions: number;
  sessions: number;
  trackedUsers: number;
}

export function runRetention(store: Store): RetentionResult {
  const now = store.now();
  const cutoff = now - SESSION_RETENTION_DAYS * DAY_MS;
  const result: RetentionResult = { throwawaySessions: 0, sessions: 0, trackedUsers: 0 };
  const throwaway = [...store.sessions.values()].filter((s) => !s.real);
  for (const session of throwaway) store.deleteSession(session);
  result.throwawaySessions = throwaway.length;
  const old = [...store.sessions.values()].filter((s) => s.createdAt < cutoff);
  for (const session of old) store.deleteSession(session);
  result.sessions = old.length;
  const orphans = [...store.users.values()].filter((u) => u.sessions.length === 0);
  for (const user of orphans) store.deleteUser(user);
  result.trackedUsers = orphans.length;
  store.commit('retention');
  return result;
}

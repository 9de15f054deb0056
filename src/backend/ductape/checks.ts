/**
 * Run-time checks of the Ductape client's answers (they are untrusted), built from the adapter toolkit's
 * checks: what the adapter keeps of each, or an `invalid-response` error naming the field.
 */
import { DozorBackendError } from '../errors.js';
import { anyTimestamp, arrayOf, at, boolean, count, malformed, nonEmptyString, record, ROOT } from '../kit/checks.js';

/** An optional time: absent (`undefined` / `null`) is null, anything else must be a timestamp. */
function optionalTime(value: unknown, path: string): number | null {
  return value === undefined || value === null ? null : anyTimestamp(value, path);
}

/** What the adapter keeps of an `ISessionUser`. */
export interface CheckedUser {
  identifier: string;
  firstSeenMs: number;
  lastSeenMs: number | null;
}

export interface CheckedSession {
  sessionId: string;
  startMs: number;
  endMs: number | null;
  active: boolean;
}

export interface CheckedDetails extends CheckedUser {
  sessions: CheckedSession[];
  totalSessions: number;
}

function checkUser(value: unknown, path: string): CheckedUser {
  const user = record(value, path);
  const identifier = nonEmptyString(user['identifier'], at(path, 'identifier'));
  // `first_seen` is the documented first-session time; the record's `createdAt` is the closest stand-in.
  const firstSeen = optionalTime(user['first_seen'], at(path, 'first_seen')) ?? optionalTime(user['createdAt'], at(path, 'createdAt'));
  if (firstSeen === null) throw malformed(at(path, 'first_seen'), 'a timestamp', user['first_seen']);
  return { identifier, firstSeenMs: firstSeen, lastSeenMs: optionalTime(user['last_seen'], at(path, 'last_seen')) };
}

export function checkUsersPage(value: unknown): { users: CheckedUser[]; total: number; totalPages: number } {
  const body = record(value, ROOT);
  const users = arrayOf(checkUser)(body['users'], at(ROOT, 'users'));
  return { users, total: count(body['total'], at(ROOT, 'total')), totalPages: count(body['totalPages'], at(ROOT, 'totalPages')) };
}

function checkSession(value: unknown, path: string): CheckedSession {
  const session = record(value, path);
  const active = boolean(session['active'], at(path, 'active'));
  const startMs = optionalTime(session['start_at'], at(path, 'start_at'));
  if (startMs === null) throw malformed(at(path, 'start_at'), 'a timestamp', session['start_at']);
  return {
    sessionId: nonEmptyString(session['session_id'], at(path, 'session_id')),
    startMs,
    endMs: optionalTime(session['end_at'], at(path, 'end_at')),
    active,
  };
}

export function checkDetails(value: unknown): CheckedDetails {
  // Some SDK versions answer an unknown identifier with nothing rather than a 404.
  if (value === null || value === undefined) throw new DozorBackendError('not-found', 'No such Ductape session user', { status: 404 });
  const body = record(value, ROOT);
  return {
    ...checkUser(body, ROOT),
    sessions: arrayOf(checkSession)(body['sessions'], at(ROOT, 'sessions')),
    totalSessions: count(body['totalSessions'], at(ROOT, 'totalSessions')),
  };
}

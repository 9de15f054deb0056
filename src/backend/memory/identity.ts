/**
 * Identity rules of the memory backend (seed 001, SPEC §3 "Identity"), in one place:
 *
 * - A batch whose `metadata.anonymousId` is set and that carries no identity puts an unlinked session
 *   on the visitor's anonymous profile (one per (project, anonymousId), created on first use).
 * - Identify (a batch with `metadata.userIdentity`, or else a `dozor:identity` marker in the batch)
 *   upserts the identified user on (project, userId) (traits replaced wholesale when given, omitted =
 *   unchanged), links the session to it (re-identifying relinks, as Dozor does), and merges into it
 *   every session of the anonymous profile of the batch's `anonymousId` and of the profile the session
 *   was on (with their markers, batches and orders, which live on the sessions).
 * - A session linked to an identified user never moves back to an anonymous profile: batches without
 *   identity never unlink (Dozor's one-way identity). After logout the SDK starts a new session; the
 *   new anonymous sessions go to the same anonymous profile (same id), which is visible again.
 * - An anonymous profile emptied by a merge has no sessions and is invisible (not listed, not counted,
 *   `getUser` → not-found) until the visitor returns anonymously; retention deletes it if it never does.
 *   It keeps its id and first-seen time. Merges move sessions only: the identified user's traits,
 *   custom name and first-seen time are its own.
 */
import type { ProjectRecord, SessionRecord, Store, UserRecord } from './store.js';
import type { IngestUserIdentity } from './validate.js';

/** Upserts the identified user on (project, userId); traits replaced wholesale when present. */
export function upsertIdentifiedUser(store: Store, project: ProjectRecord, identity: IngestUserIdentity, now: number): UserRecord {
  const existing = store.identifiedUser(project.id, identity.userId);
  if (existing) {
    store.setTraits(existing, identity.traits);
    return existing;
  }
  return store.createUser({
    projectId: project.id,
    identity: 'identified',
    externalId: identity.userId,
    traits: identity.traits ?? null,
    createdAt: now,
  });
}

/** Moves every session of an anonymous profile into the identified user. */
export function mergeAnonymousProfile(store: Store, anonymous: UserRecord, into: UserRecord): void {
  if (anonymous === into || anonymous.identity !== 'anonymous') return;
  for (const session of [...anonymous.sessions]) store.linkSession(session, into);
}

/** Applies the identity of one ingest batch to its session (see the module comment). */
export function applyIdentity(
  store: Store,
  project: ProjectRecord,
  session: SessionRecord,
  identity: IngestUserIdentity | undefined,
  anonymousId: string | undefined,
  now: number,
): void {
  const current = session.userId === null ? undefined : store.users.get(session.userId);
  if (identity) {
    const user = upsertIdentifiedUser(store, project, identity, now);
    store.linkSession(session, user);
    if (current?.identity === 'anonymous') mergeAnonymousProfile(store, current, user);
    const visitor = anonymousId === undefined ? undefined : store.anonymousUser(project.id, anonymousId);
    if (visitor) mergeAnonymousProfile(store, visitor, user);
    return;
  }
  if (anonymousId === undefined || current) return;
  const profile =
    store.anonymousUser(project.id, anonymousId) ??
    store.createUser({ projectId: project.id, identity: 'anonymous', externalId: anonymousId, traits: null, createdAt: now });
  store.linkSession(session, profile);
}

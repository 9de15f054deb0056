/**
 * Identity rules of the memory backend (seed 001, SPEC §3 "Identity"), in one place:
 *
 * - A batch that carries no identity puts an unlinked session on an anonymous profile, one per
 *   (project, visitor key), created on first use. The visitor key is `metadata.anonymousId` when the
 *   client sends one, else the SDK's session id: the real Dozor SDK (1.1.0) sends no anonymous id, and
 *   its session id survives reloads within a tab, so such a session is one anonymous visitor, and a
 *   session begun after `stop()` / `start()` (its "logout") is a new one.
 * - Identify (a batch with `metadata.userIdentity`, or else a `dozor:identity` marker in the batch)
 *   upserts the identified user on (project, userId) (traits replaced wholesale when given, omitted =
 *   unchanged), links the session to it (re-identifying relinks, as Dozor does), and merges into it
 *   every session of the anonymous profile of the batch's `anonymousId` and of the profile the session
 *   was on (with their markers, batches and orders, which live on the sessions).
 * - A session linked to an identified user never moves back to an anonymous profile: batches without
 *   identity never unlink (Dozor's one-way identity). After logout the SDK starts a new session: with
 *   an anonymous id it goes to the same anonymous profile, which is visible again; without one it is a
 *   new anonymous profile, into which nothing recorded while identified ever flows.
 * - An anonymous profile emptied by a merge has no sessions and is invisible (not listed, not counted,
 *   `getUser` → not-found) until the visitor returns anonymously; retention deletes it if it never does.
 *   It keeps its id and first-seen time. Merges move sessions only: the identified user's traits,
 *   custom name and first-seen time are its own.
 */
import type { ProjectRecord, SessionRecord, UserRecord } from './records.js';
import type { Store } from './store.js';
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
  if (current) return;
  const visitorKey = anonymousId ?? session.externalId;
  const profile =
    store.anonymousUser(project.id, visitorKey) ??
    store.createUser({ projectId: project.id, identity: 'anonymous', externalId: visitorKey, traits: null, createdAt: now });
  store.linkSession(session, profile);
}

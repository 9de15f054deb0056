/**
 * The SDK's two routes in Dozor's wire format: `POST /api/ingest` (reference §4.3) and
 * `POST /api/sessions/cancel`, with the same effects on the store. The key and the whole body are
 * checked before anything changes; a bad body or key changes nothing.
 */
import { DozorBackendError } from '../errors.js';
import { applyIdentity } from './identity.js';
import { recordNavigation } from './navigation.js';
import type { ProjectRecord, SessionRecord, UrlMarkerRecord } from './records.js';
import type { Store } from './store.js';
import { type IngestUserIdentity, parseIdentity, parseSessionId, parseIngestBody } from './validate.js';

/** rrweb's custom event type; Dozor's markers ride on it with `data.tag = 'dozor:<kind>'`. */
const CUSTOM_EVENT_TYPE = 5;

interface CustomMarker {
  kind: string;
  timestamp: number;
  payload: unknown;
}

function customMarkers(events: { type: number; data?: unknown; timestamp: number }[]): CustomMarker[] {
  const markers: CustomMarker[] = [];
  for (const event of events) {
    if (event.type !== CUSTOM_EVENT_TYPE || typeof event.data !== 'object' || event.data === null) continue;
    const { tag, payload } = event.data as { tag?: unknown; payload?: unknown };
    if (typeof tag === 'string' && tag.startsWith('dozor:')) {
      markers.push({ kind: tag.slice(6), timestamp: event.timestamp, payload: payload ?? null });
    }
  }
  return markers;
}

/** The identity a `dozor:identity` marker carries, or undefined when its payload is malformed (ignored). */
function identityOf(marker: CustomMarker): IngestUserIdentity | undefined {
  try {
    return parseIdentity(marker.payload, 'payload');
  } catch {
    return undefined;
  }
}

/** The project of an SDK request's `X-Dozor-Public-Key`, or the server's 401 ("Missing …" / "Invalid API key"). */
function projectForKey(store: Store, projectKey: string): ProjectRecord {
  if (typeof projectKey !== 'string' || projectKey === '') {
    throw new DozorBackendError('auth', 'Missing X-Dozor-Public-Key header', { status: 401 });
  }
  const project = store.projectByKey(projectKey);
  if (!project) throw new DozorBackendError('auth', 'Invalid API key', { status: 401 });
  return project;
}

/** The `url` / `pathname` of a `dozor:url` marker's payload, when they are strings. */
function urlEventOf(marker: CustomMarker): UrlMarkerRecord {
  const payload = (typeof marker.payload === 'object' && marker.payload !== null ? marker.payload : {}) as {
    url?: unknown;
    pathname?: unknown;
  };
  return {
    timestamp: marker.timestamp,
    url: typeof payload.url === 'string' ? payload.url : null,
    pathname: typeof payload.pathname === 'string' ? payload.pathname : null,
  };
}

/**
 * Accepts one ingest batch for the project whose public key is `projectKey`.
 * Throws `auth` ("Missing X-Dozor-Public-Key header" / "Invalid API key") or `validation` (naming the field).
 */
export function ingestBatch(store: Store, projectKey: string, rawBody: unknown): void {
  const project = projectForKey(store, projectKey);
  const body = parseIngestBody(rawBody);
  const now = store.now();
  const { events, metadata } = body;
  const markers = customMarkers(events);
  // metadata.userIdentity wins; else the last well-formed `dozor:identity` marker of the batch.
  let identity = metadata?.userIdentity ?? undefined;
  if (!identity) {
    for (const marker of markers) if (marker.kind === 'identity') identity = identityOf(marker) ?? identity;
  }

  let first = now;
  let last = now;
  if (events.length > 0) {
    first = Infinity;
    last = -Infinity;
    for (const event of events) {
      if (event.timestamp < first) first = event.timestamp;
      if (event.timestamp > last) last = event.timestamp;
    }
  }

  // 1. Session upsert on (project, sessionId).
  let session: SessionRecord | undefined = store.sessionByExternalId(project.id, body.sessionId);
  const isNew = !session;
  if (!session) {
    session = store.createSession({
      projectId: project.id,
      externalId: body.sessionId,
      url: metadata?.url || null,
      referrer: metadata?.referrer ?? null,
      userAgent: metadata?.userAgent ?? null,
      screenWidth: metadata?.screenWidth ?? null,
      screenHeight: metadata?.screenHeight ?? null,
      language: metadata?.language ?? null,
      startedAt: first,
      endedAt: last,
      eventCount: events.length,
      createdAt: now,
    });
  } else if (events.length > 0) {
    store.extendSession(session, first, last, events.length);
  }
  // 2. Identity: identified link + anonymous-profile merge, or the anonymous profile (identity.ts).
  applyIdentity(store, project, session, identity, metadata?.anonymousId ?? undefined, now);
  // 3. Pages: landing url, changed metadata urls, slice markers and dozor:url events (navigation.ts).
  recordNavigation(store, session, {
    isNew,
    firstTimestamp: first,
    metadataUrl: metadata?.url || null,
    sliceMarkers: body.sliceMarkers ?? [],
    urlEvents: markers.filter((marker) => marker.kind === 'url').map(urlEventOf),
  });
  // 4. One event batch per call with events.
  if (events.length > 0) store.addBatch(session, first, last, events.length);
  // 5. Orders count toward Buyer.
  const orders = markers.filter((marker) => marker.kind === 'order').length;
  if (orders > 0) store.addOrders(session, orders);
  project.lastUsedAt = now;
  store.commit('ingest');
}

/**
 * `POST /api/sessions/cancel` (the SDK's `cancel()`): deletes the project's session with this SDK
 * session id, and its tracked user when no session is left (as retention would). A session of another
 * project, or none at all, is not an error (the real server answers 204 and changes nothing).
 */
export function cancelSession(store: Store, projectKey: string, rawSessionId: unknown): void {
  const project = projectForKey(store, projectKey);
  const sessionId = parseSessionId(rawSessionId);
  const session = store.sessionByExternalId(project.id, sessionId);
  if (!session) return;
  const user = session.userId === null ? undefined : store.users.get(session.userId);
  store.deleteSession(session);
  if (user && user.sessions.length === 0) store.deleteUser(user);
  store.commit('ingest');
}

/**
 * `POST /api/ingest` in Dozor's wire format (reference §4.3), with the same effects on the store.
 * The whole body is validated before anything changes; a bad body or key changes nothing.
 */
import { pathnameOf } from '../../core/index.js';
import { DozorBackendError } from '../errors.js';
import { applyIdentity } from './identity.js';
import type { SessionRecord, Store } from './store.js';
import { type IngestUserIdentity, parseIdentity, parseIngestBody } from './validate.js';

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

/**
 * Accepts one ingest batch for the project whose public key is `projectKey`.
 * Throws `auth` ("Missing X-Dozor-Public-Key header" / "Invalid API key") or `validation` (naming the field).
 */
export function ingestBatch(store: Store, projectKey: string, rawBody: unknown): void {
  if (typeof projectKey !== 'string' || projectKey === '') {
    throw new DozorBackendError('auth', 'Missing X-Dozor-Public-Key header', { status: 401 });
  }
  const project = store.projectByKey(projectKey);
  if (!project) throw new DozorBackendError('auth', 'Invalid API key', { status: 401 });
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
  // 3. A new session with a url gets its first url marker at startedAt.
  if (isNew && metadata?.url) {
    store.addUrlMarker(session, { timestamp: session.startedAt, url: metadata.url, pathname: pathnameOf(metadata.url) });
  }
  // 4. One event batch per call with events.
  if (events.length > 0) store.addBatch(session, first, last, events.length);
  // 5. Markers: url markers feed periods and page attribution; orders count toward Buyer.
  for (const marker of markers) {
    if (marker.kind === 'url') {
      const payload = (typeof marker.payload === 'object' && marker.payload !== null ? marker.payload : {}) as {
        url?: unknown;
        pathname?: unknown;
      };
      store.addUrlMarker(session, {
        timestamp: marker.timestamp,
        url: typeof payload.url === 'string' ? payload.url : null,
        pathname: typeof payload.pathname === 'string' ? payload.pathname : null,
      });
    } else if (marker.kind === 'order') {
      store.addOrders(session, 1);
    }
  }
  project.lastUsedAt = now;
  store.commit('ingest');
}

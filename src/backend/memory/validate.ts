/**
 * Request validation for the memory backend: the same checks, messages and field paths as the
 * reference server's zod schemas (reference §1.4, §1.11, §1.12, §4.3). Every function either returns
 * a normalized value or throws a `validation` DozorBackendError whose `field` names the offender
 * (e.g. `events.3.timestamp`). Nothing here touches the store, so callers validate first, then mutate.
 */
import { MAX_CUSTOM_NAME_LENGTH, MAX_TRAIT_KEY_LENGTH } from '../../core/index.js';
import { validationError } from '../errors.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '../types.js';

/** One event of an ingest batch, as the SDK sends it (an rrweb event). */
export interface IngestEvent {
  type: number;
  data?: unknown;
  timestamp: number;
}

export interface IngestUserIdentity {
  userId: string;
  traits?: Record<string, unknown>;
}

export interface IngestMetadata {
  url: string;
  referrer: string;
  userAgent: string;
  screenWidth: number;
  screenHeight: number;
  language: string;
  userIdentity?: IngestUserIdentity | null;
  /** Memory-backend extension (seed 001): a stable id of an anonymous visitor (1..255 characters). */
  anonymousId?: string | null;
}

/**
 * A replay slice the SDK opened (Dozor SDK 1.1.0): `init` on a page load, `navigation` on a
 * `pushState`. `index` restarts at 0 after a reload within a session, so slices are ordered by
 * `startedAt`, never keyed by index.
 */
export interface IngestSliceMarker {
  index?: number;
  reason?: string;
  startedAt: number;
  url: string;
  pathname?: string;
}

/** The body of Dozor's `POST /api/ingest` (reference §4.3). Legacy `pageViews` are ignored. */
export interface IngestBody {
  sessionId: string;
  events: IngestEvent[];
  metadata?: IngestMetadata;
  pageViews?: unknown[];
  /** Only the well-formed ones (finite `startedAt`, string `url`); the others are dropped, as malformed markers are. */
  sliceMarkers?: IngestSliceMarker[];
}

export const MAX_EVENTS_PER_BATCH = 500;
export const MAX_USER_ID_LENGTH = 255;
/** The largest |ms| a JS Date can represent. */
const MAX_DATE_MS = 8.64e15;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw validationError(field, 'Invalid input: expected string');
  return value;
}

function expectNumber(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw validationError(field, 'Invalid input: expected number');
  return value;
}

function expectLength(value: string, field: string, min: number, max: number): string {
  if (value.length < min) throw validationError(field, `Must be at least ${min} character(s)`);
  if (value.length > max) throw validationError(field, `Must be at most ${max} character(s)`);
  return value;
}

/** Checks a whole ingest body and returns a normalized copy (unknown keys stripped); throws before any mutation. */
export function parseIngestBody(raw: unknown): IngestBody {
  if (!isRecord(raw)) throw validationError('body', 'Invalid input: expected object');
  const sessionId = parseSessionId(raw['sessionId']);
  const rawEvents = raw['events'];
  if (!Array.isArray(rawEvents)) throw validationError('events', 'Invalid input: expected array');
  if (rawEvents.length > MAX_EVENTS_PER_BATCH) {
    throw validationError('events', `Must have at most ${MAX_EVENTS_PER_BATCH} items`);
  }
  const events: IngestEvent[] = rawEvents.map((event: unknown, i) => {
    const field = `events.${i}`;
    if (!isRecord(event)) throw validationError(field, 'Invalid input: expected object');
    const type = expectNumber(event['type'], `${field}.type`);
    const timestamp = expectNumber(event['timestamp'], `${field}.timestamp`);
    if (Math.abs(timestamp) > MAX_DATE_MS) throw validationError(`${field}.timestamp`, 'Invalid input: timestamp out of range');
    return { type, data: event['data'], timestamp };
  });
  const body: IngestBody = { sessionId, events };
  if (raw['metadata'] !== undefined) body.metadata = parseMetadata(raw['metadata']);
  const sliceMarkers = parseSliceMarkers(raw['sliceMarkers']);
  if (sliceMarkers.length > 0) body.sliceMarkers = sliceMarkers;
  return body;
}

/** The well-formed slice markers of a batch; anything else in the array is ignored (never an error). */
function parseSliceMarkers(raw: unknown): IngestSliceMarker[] {
  if (!Array.isArray(raw)) return [];
  const markers: IngestSliceMarker[] = [];
  for (const item of raw) {
    if (!isRecord(item)) continue;
    const { index, reason, startedAt, url, pathname } = item;
    if (typeof startedAt !== 'number' || !Number.isFinite(startedAt) || Math.abs(startedAt) > MAX_DATE_MS) continue;
    if (typeof url !== 'string' || url === '') continue;
    const marker: IngestSliceMarker = { startedAt, url };
    if (typeof index === 'number') marker.index = index;
    if (typeof reason === 'string') marker.reason = reason;
    if (typeof pathname === 'string') marker.pathname = pathname;
    markers.push(marker);
  }
  return markers;
}

/** The SDK's session id (`sessionId` of ingest and cancel bodies): a UUID, or a validation error naming `sessionId`. */
export function parseSessionId(raw: unknown): string {
  const sessionId = expectString(raw, 'sessionId');
  if (!UUID.test(sessionId)) throw validationError('sessionId', 'Invalid UUID');
  return sessionId;
}

function parseMetadata(raw: unknown): IngestMetadata {
  if (!isRecord(raw)) throw validationError('metadata', 'Invalid input: expected object');
  const metadata: IngestMetadata = {
    url: expectString(raw['url'], 'metadata.url'),
    referrer: expectString(raw['referrer'], 'metadata.referrer'),
    userAgent: expectString(raw['userAgent'], 'metadata.userAgent'),
    screenWidth: expectNumber(raw['screenWidth'], 'metadata.screenWidth'),
    screenHeight: expectNumber(raw['screenHeight'], 'metadata.screenHeight'),
    language: expectString(raw['language'], 'metadata.language'),
  };
  const identity = raw['userIdentity'];
  // `null` is read as "absent" (the SDK clears its identity to null); anything else must be well formed.
  if (identity !== undefined && identity !== null) metadata.userIdentity = parseIdentity(identity, 'metadata.userIdentity');
  const anonymousId = raw['anonymousId'];
  if (anonymousId !== undefined && anonymousId !== null) {
    metadata.anonymousId = expectLength(expectString(anonymousId, 'metadata.anonymousId'), 'metadata.anonymousId', 1, MAX_USER_ID_LENGTH);
  }
  return metadata;
}

/** `{ userId: string (1..255), traits?: Record<string, unknown> }`; also used for `dozor:identity` payloads. */
export function parseIdentity(raw: unknown, field: string): IngestUserIdentity {
  if (!isRecord(raw)) throw validationError(field, 'Invalid input: expected object');
  const userId = expectLength(expectString(raw['userId'], `${field}.userId`), `${field}.userId`, 1, MAX_USER_ID_LENGTH);
  const identity: IngestUserIdentity = { userId };
  const traits = raw['traits'];
  if (traits !== undefined) {
    if (!isRecord(traits)) throw validationError(`${field}.traits`, 'Invalid input: expected record');
    identity.traits = traits;
  }
  return identity;
}

/** Parsed `PATCH …/display-name` body: `undefined` = leave unchanged, `null` = clear, string = set (trimmed). */
export interface ParsedDisplayNameUpdate {
  customName?: string | null;
  traitKey?: string | null;
}

function parseNullableTrimmed(value: unknown, field: string, max: number): string | null {
  if (value === null) return null;
  return expectLength(expectString(value, field).trim(), field, 1, max);
}

export function parseDisplayNameUpdate(raw: unknown): ParsedDisplayNameUpdate {
  if (!isRecord(raw)) throw validationError('body', 'Invalid input: expected object');
  const update: ParsedDisplayNameUpdate = {};
  if (raw['customName'] !== undefined) update.customName = parseNullableTrimmed(raw['customName'], 'customName', MAX_CUSTOM_NAME_LENGTH);
  if (raw['traitKey'] !== undefined) update.traitKey = parseNullableTrimmed(raw['traitKey'], 'traitKey', MAX_TRAIT_KEY_LENGTH);
  if (update.customName === undefined && update.traitKey === undefined) {
    throw validationError('body', 'At least one of `customName` or `traitKey` must be provided');
  }
  return update;
}

/** `PATCH /api/projects/{id}/display-name-trait-key`: `traitKey` is required; string (trimmed, 1..60) or null. */
export function parseProjectTraitKey(raw: unknown): string | null {
  if (raw === undefined) throw validationError('traitKey', 'Invalid input: expected string, received undefined');
  return parseNullableTrimmed(raw, 'traitKey', MAX_TRAIT_KEY_LENGTH);
}

/** The list's strict `limit`: integer 1..100, default 20; anything else is a validation error naming `limit`. */
export function parseStrictLimit(raw: unknown): number {
  if (raw === undefined || raw === null) return DEFAULT_PAGE_LIMIT;
  if (typeof raw !== 'number' || !Number.isInteger(raw)) throw validationError('limit', 'Invalid input: expected int');
  if (raw < 1) throw validationError('limit', 'Too small: expected number to be >=1');
  if (raw > MAX_PAGE_LIMIT) throw validationError('limit', `Too big: expected number to be <=${MAX_PAGE_LIMIT}`);
  return raw;
}

/** The sub-routes' lenient `parseLimitParam` (reference §1.3): missing / non-finite / <= 0 → 20; else floor, max 100. */
export function parseLenientLimit(raw: unknown): number {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_PAGE_LIMIT;
  return Math.min(Math.floor(n), MAX_PAGE_LIMIT) || DEFAULT_PAGE_LIMIT;
}

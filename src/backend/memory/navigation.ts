/**
 * Where an ingested session's url periods come from (SPEC §3 "Pages"), in one place:
 *
 * - `dozor:url` custom events, when the session has any: they win, next to the landing url of its
 *   first batch (what ingest did before it read the SDK's slices);
 * - else the SDK's slice markers (Dozor SDK 1.1.0: `init` on a page load, `navigation` on a
 *   `pushState`), ordered by `startedAt`: slice indexes restart at 0 after a reload, so they are never
 *   used as keys;
 * - else the landing url, and every later `metadata.url` that differs from the page the session was on.
 *
 * A mark never starts before its session (the SDK opens a slice a few ms before its first event): marks
 * are clamped to the session's start, so the periods cover exactly the session and the pages' times add
 * up to its duration.
 */
import { pathnameOf } from '../../core/index.js';
import type { NavigationMark, NavigationSource, SessionRecord, UrlMarkerRecord } from './records.js';
import type { Store } from './store.js';
import type { IngestSliceMarker } from './validate.js';

/** One batch's page information, as ingest hands it over. */
export interface BatchNavigation {
  /** True for the batch that created the session. */
  isNew: boolean;
  /** The batch's first event time (or the ingest time of an empty batch). */
  firstTimestamp: number;
  metadataUrl: string | null;
  sliceMarkers: readonly IngestSliceMarker[];
  /** `dozor:url` events of the batch, their payload's `url` / `pathname` when strings. */
  urlEvents: readonly UrlMarkerRecord[];
}

function mark(source: NavigationSource, timestamp: number, url: string | null, pathname: string | null): NavigationMark {
  return { source, timestamp, url, pathname };
}

/** The url of the landing / metadata mark in force at `timestamp` (the page metadata last said). */
function metadataPageAt(log: readonly NavigationMark[], timestamp: number): string | null {
  let found: NavigationMark | undefined;
  for (const m of log) {
    if ((m.source === 'landing' || m.source === 'page') && m.timestamp <= timestamp && (!found || m.timestamp >= found.timestamp))
      found = m;
  }
  return found?.url ?? null;
}

/** The marks that become url periods, by the precedence of the module comment, sorted by time. */
export function effectiveUrlMarkers(sessionStart: number, log: readonly NavigationMark[]): UrlMarkerRecord[] {
  const has = (source: NavigationSource) => log.some((m) => m.source === source);
  const kept: readonly NavigationSource[] = has('event') ? ['landing', 'event'] : has('slice') ? ['slice'] : ['landing', 'page'];
  return log
    .filter((m) => kept.includes(m.source))
    .map((m) => ({ timestamp: Math.max(m.timestamp, sessionStart), url: m.url, pathname: m.pathname }))
    .sort((a, b) => a.timestamp - b.timestamp);
}

/** Adds one batch's page marks to the session and recomputes its url markers. */
export function recordNavigation(store: Store, session: SessionRecord, batch: BatchNavigation): void {
  const log = [...(session.navigation ?? [])];
  const url = batch.metadataUrl;
  if (url && batch.isNew) log.push(mark('landing', session.startedAt, url, pathnameOf(url)));
  else if (url && metadataPageAt(log, batch.firstTimestamp) !== url) log.push(mark('page', batch.firstTimestamp, url, pathnameOf(url)));
  for (const slice of batch.sliceMarkers) log.push(mark('slice', slice.startedAt, slice.url, slice.pathname ?? pathnameOf(slice.url)));
  for (const event of batch.urlEvents) log.push(mark('event', event.timestamp, event.url, event.pathname));
  store.setNavigation(session, log, effectiveUrlMarkers(session.startedAt, log));
}

/**
 * Protection against pagination that does not end (the HTTP and Ductape adapters, and the list's own
 * walks over any backend), first met in the reference server's quirks (reference §1.4, §7.1, §7.2):
 * with a non-default sort, pages are sorted page-locally, so rows repeat across pages; with a status
 * filter the server ignores the cursor and serves the first page again with the same `nextCursor`.
 *
 * For each query (keyed without its cursor) the guard remembers the ids and cursors it has served
 * since the last request without a cursor. It drops rows already served, and ends the walk
 * (`nextCursor: null`) when a page adds nothing new or the server hands back a cursor it already gave.
 */
import type { Page } from '../types.js';

/** How many distinct queries keep their history; older ones are forgotten (their next page starts over). */
const MAX_TRACKED_QUERIES = 16;

interface WalkHistory {
  ids: Set<string>;
  cursors: Set<string>;
}

export class PageGuard {
  private readonly walks = new Map<string, WalkHistory>();

  /**
   * Filters one page of the walk `queryKey`. `sentCursor` is the cursor the page was requested with
   * (`null` for a first page, which starts the walk afresh).
   */
  accept<T extends { id: string }>(queryKey: string, sentCursor: string | null, page: Page<T>): Page<T> {
    const walk = this.historyFor(queryKey, sentCursor === null);
    if (sentCursor !== null) walk.cursors.add(sentCursor);
    const fresh: T[] = [];
    for (const row of page.data) {
      if (walk.ids.has(row.id)) continue;
      walk.ids.add(row.id);
      fresh.push(row);
    }
    const repeatsItself = page.nextCursor !== null && walk.cursors.has(page.nextCursor);
    const addsNothing = sentCursor !== null && fresh.length === 0;
    const nextCursor = repeatsItself || addsNothing ? null : page.nextCursor;
    return { ...page, data: fresh, nextCursor };
  }

  private historyFor(queryKey: string, restart: boolean): WalkHistory {
    let walk = this.walks.get(queryKey);
    this.walks.delete(queryKey); // re-inserted below: Map order is the recency order
    if (!walk || restart) walk = { ids: new Set(), cursors: new Set() };
    this.walks.set(queryKey, walk);
    if (this.walks.size > MAX_TRACKED_QUERIES) this.walks.delete(this.walks.keys().next().value!);
    return walk;
  }
}

import type { Store } from './store.js';

/**
 * A small per-store cache that is emptied whenever the data version changes and keeps its most recent
 * entries, so a page that alternates between a few searches or filters does not recompute them.
 */
export class VersionedCache<V> {
  private version = -1;
  private readonly entries = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(version: number, key: string, compute: () => V): V {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key); // re-insert: Map order is the recency order
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

export function cacheFor<V>(caches: WeakMap<Store, VersionedCache<V>>, store: Store, capacity: number): VersionedCache<V> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new VersionedCache<V>(capacity)));
  return cache;
}

/**
 * Sorted user indexes for the list's keyset pagination (internal to the memory backend).
 *
 * Each index keeps every tracked user ordered by (key asc, id asc); `desc` walks it backwards, so the
 * descending order is the exact reverse (ties by id descending) and both are total orders. Users whose
 * key may have changed are queued with `touch` and repositioned on the next `ensure` (binary search +
 * splice), unless so many are queued that a full rebuild is cheaper. The active-time index also moves
 * with the clock: its keys are exact for one 7-day cut-off, and a min-heap of "the next real session
 * start at or after the cut-off" per user says which users change when the cut-off advances.
 */
import type { UserRecord } from './records.js';

/** Slots of `UserRecord.ix`: the key each index currently files the user under (NaN = not filed). */
export const INDEX_SLOT = { 'last-seen': 0, sessions: 1, newest: 2, 'active-time': 3 } as const;

export class SortedUserIndex {
  keys: number[] = [];
  items: UserRecord[] = [];
  /** `items[i].slot`, so filters can run on the store's columns without touching user objects. */
  slots: number[] = [];
  valid = false;
  readonly pending = new Set<UserRecord>();

  constructor(
    private readonly slot: number,
    private readonly keyOf: (user: UserRecord) => number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  invalidate(): void {
    this.valid = false;
    this.pending.clear();
  }

  touch(user: UserRecord): void {
    if (this.valid) this.pending.add(user);
  }

  /** First position whose (key, id) is >= the given one. */
  lowerBound(key: number, id: string): number {
    return this.search(key, id, false);
  }

  /** First position whose (key, id) is > the given one. */
  upperBound(key: number, id: string): number {
    return this.search(key, id, true);
  }

  /** Binary search in (key, id) order: the first position at (key, id) or beyond it; with `after`, only beyond it. */
  private search(key: number, id: string, after: boolean): number {
    const { keys, items } = this;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const k = keys[mid]!;
      const itemId = items[mid]!.id;
      if (k < key || (k === key && (after ? itemId <= id : itemId < id))) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Brings the index up to date; `all` is only iterated for a full rebuild. */
  ensure(all: () => Iterable<UserRecord>): void {
    if (!this.valid || this.pending.size > Math.max(256, this.items.length >> 6)) {
      this.rebuild(all());
      return;
    }
    for (const user of this.pending) this.reposition(user, user.deleted ? NaN : this.keyOf(user));
    this.pending.clear();
  }

  rebuild(users: Iterable<UserRecord>): void {
    const slot = this.slot;
    const list: UserRecord[] = [];
    for (const user of users) if (!user.deleted) list.push(user);
    const n = list.length;
    const keyArr = new Float64Array(n);
    const slotArr = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const user = list[i]!;
      const key = this.keyOf(user);
      user.ix[slot] = key;
      keyArr[i] = key;
      slotArr[i] = user.slot;
    }
    // Slot order is id order (ids are assigned with slots, in creation order): compare numbers, not strings.
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => {
      const ka = keyArr[a]!;
      const kb = keyArr[b]!;
      return ka < kb ? -1 : ka > kb ? 1 : slotArr[a]! - slotArr[b]!;
    });
    const keys = new Array<number>(n);
    const items = new Array<UserRecord>(n);
    const slots = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      keys[i] = keyArr[j]!;
      items[i] = list[j]!;
      slots[i] = slotArr[j]!;
    }
    this.keys = keys;
    this.items = items;
    this.slots = slots;
    this.pending.clear();
    this.valid = true;
  }

  /** Moves one user to the position of `key` (NaN removes it). */
  reposition(user: UserRecord, key: number): void {
    const slot = this.slot;
    const old = user.ix[slot]!;
    if (old === key) return;
    if (!Number.isNaN(old)) {
      const at = this.lowerBound(old, user.id);
      if (this.items[at] === user) {
        this.keys.splice(at, 1);
        this.items.splice(at, 1);
        this.slots.splice(at, 1);
      }
    }
    user.ix[slot] = key;
    if (!Number.isNaN(key)) {
      const at = this.lowerBound(key, user.id);
      this.keys.splice(at, 0, key);
      this.items.splice(at, 0, user);
      this.slots.splice(at, 0, user.slot);
    }
  }
}

interface HeapEntry {
  t: number;
  user: UserRecord;
}

class MinHeap {
  private readonly a: HeapEntry[] = [];
  get size(): number {
    return this.a.length;
  }
  peek(): HeapEntry | undefined {
    return this.a[0];
  }
  clear(): void {
    this.a.length = 0;
  }
  push(entry: HeapEntry): void {
    const a = this.a;
    a.push(entry);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p]!.t <= entry.t) break;
      a[i] = a[p]!;
      i = p;
    }
    a[i] = entry;
  }
  pop(): HeapEntry | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last) {
      let i = 0;
      const n = a.length;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && a[r]!.t < a[l]!.t ? r : l;
        if (a[c]!.t >= last.t) break;
        a[i] = a[c]!;
        i = c;
      }
      a[i] = last;
    }
    return top;
  }
}

/** First position in a sorted array whose value is >= x. */
export function lowerBoundNumber(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Seconds of real sessions whose start is at or after `cutoff` (reference §2.9), by binary search. */
export function activeTimeSince(user: UserRecord, cutoff: number): number {
  const i = lowerBoundNumber(user.realStarts, cutoff);
  return user.realPrefix[user.realStarts.length]! - user.realPrefix[i]!;
}

function nextStartAtOrAfter(user: UserRecord, cutoff: number): number | undefined {
  const i = lowerBoundNumber(user.realStarts, cutoff);
  return i < user.realStarts.length ? user.realStarts[i] : undefined;
}

/**
 * The active-time order for one cut-off (`now − 7 d`). Exact: a user's value only changes when the
 * cut-off passes one of their real session starts, and the heap yields exactly those users.
 */
export class ActiveTimeIndex {
  readonly index: SortedUserIndex;
  private cutoff = NaN;
  private readonly heap = new MinHeap();
  /** Per user: the heap time currently registered for it (stale heap entries are skipped). */
  private readonly next = new WeakMap<UserRecord, number>();

  constructor() {
    this.index = new SortedUserIndex(INDEX_SLOT['active-time'], (user) => activeTimeSince(user, this.cutoff));
  }

  invalidate(): void {
    this.index.invalidate();
  }

  touch(user: UserRecord): void {
    this.index.touch(user);
  }

  ensure(all: () => Iterable<UserRecord>, cutoff: number): SortedUserIndex {
    const index = this.index;
    if (!index.valid || !(cutoff >= this.cutoff) || index.pending.size > Math.max(256, index.size >> 6)) {
      this.cutoff = cutoff;
      index.rebuild(all());
      this.heap.clear();
      for (const user of index.items) this.schedule(user);
      return index;
    }
    this.cutoff = cutoff;
    for (const user of index.pending) {
      index.reposition(user, user.deleted ? NaN : activeTimeSince(user, cutoff));
      if (!user.deleted) this.schedule(user);
    }
    index.pending.clear();
    for (let top = this.heap.peek(); top && top.t < cutoff; top = this.heap.peek()) {
      this.heap.pop();
      const { user, t } = top;
      if (user.deleted || this.next.get(user) !== t) continue;
      index.reposition(user, activeTimeSince(user, cutoff));
      this.schedule(user);
    }
    return index;
  }

  private schedule(user: UserRecord): void {
    const t = nextStartAtOrAfter(user, this.cutoff);
    if (t === undefined) {
      this.next.delete(user);
      return;
    }
    this.next.set(user, t);
    this.heap.push({ t, user });
  }
}

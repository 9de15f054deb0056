/**
 * Per-user aggregates laid out by slot in typed arrays, so counts over 100k users (summary, list
 * totals) are a sequential pass with no object access. Written by `Store.commit` for dirty users.
 */
import { isVisibleUser, type UserRecord } from './records.js';

/** Bits of `UserColumns.flags`. */
export const VISIBLE = 1;
export const IDENTIFIED = 2;

function grown<T extends Float64Array | Uint8Array | Int32Array>(array: T): T {
  const bigger = new (array.constructor as new (n: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

export class UserColumns {
  /** lastEventAt in ms; NaN = never seen. */
  last = new Float64Array(1024);
  created = new Float64Array(1024);
  flags = new Uint8Array(1024);
  /** Project ordinal (`Store.projectOrdinal`). */
  project = new Int32Array(1024);
  /** How many slots are in use. */
  size = 0;
  /** The user of each slot (deleted users stay, with flags 0). */
  readonly users: UserRecord[] = [];

  /** A new slot, growing the arrays when full. */
  allocate(): number {
    if (this.size === this.last.length) {
      this.last = grown(this.last);
      this.created = grown(this.created);
      this.flags = grown(this.flags);
      this.project = grown(this.project);
    }
    return this.size++;
  }

  write(user: UserRecord, projectOrdinal: number): void {
    const i = user.slot;
    this.last[i] = user.lastEventAt ?? NaN;
    this.created[i] = user.createdAt;
    this.flags[i] = (isVisibleUser(user) ? VISIBLE : 0) | (user.identity === 'identified' ? IDENTIFIED : 0);
    this.project[i] = projectOrdinal;
  }
}

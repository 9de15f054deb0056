/**
 * Run-time checks of an adapter's answers (HTTP, Ductape), hand-written so the library has no runtime
 * dependency. Each check returns a fresh value (objects keep only the shape's keys: an unknown extra
 * field is ignored, never passed on), or throws an `invalid-response` `DozorBackendError` whose `field`
 * is the offending path (`data.3.lastEventAt`; `response` for the root).
 */
import { jsonExceeds, MAX_TRAIT_DEPTH, MAX_TRAIT_ENTRIES, pruneJson, toMs, type PrunedJson } from '../../core/index.js';
import { DozorBackendError } from '../errors.js';

/** Checks `value` found at `path` and returns the checked (copied) value. */
export type Check<T> = (value: unknown, path: string) => T;

export const ROOT = 'response';

export function at(path: string, key: string | number): string {
  return path === ROOT ? String(key) : `${path}.${key}`;
}

export function malformed(path: string, expected: string, value: unknown): DozorBackendError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : value instanceof Date ? 'invalid Date' : typeof value;
  return new DozorBackendError('invalid-response', `Malformed server response: ${path} should be ${expected} (got ${got})`, {
    field: path,
  });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const string: Check<string> = (value, path) => {
  if (typeof value !== 'string') throw malformed(path, 'a string', value);
  return value;
};

/** Every timestamp of the contract is `Date.toISOString()` output; anything unparseable is malformed. */
export const isoTimestamp: Check<string> = (value, path) => {
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) throw malformed(path, 'an ISO timestamp', value);
  return value;
};

export const nonEmptyString: Check<string> = (value, path) => {
  if (typeof value !== 'string' || value === '') throw malformed(path, 'a non-empty string', value);
  return value;
};

/** A point in time an SDK may hand over as an ISO string, epoch ms or a `Date`, as epoch ms. */
export const anyTimestamp: Check<number> = (value, path) => {
  if (typeof value !== 'string' && typeof value !== 'number' && !(value instanceof Date)) throw malformed(path, 'a timestamp', value);
  const ms = toMs(value);
  if (!Number.isFinite(ms)) throw malformed(path, 'a timestamp', value);
  return ms;
};

/** An object of any content, not copied (the caller checks its fields next). */
export const record: Check<Record<string, unknown>> = (value, path) => {
  if (!isPlainObject(value)) throw malformed(path, 'an object', value);
  return value;
};

export const boolean: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw malformed(path, 'a boolean', value);
  return value;
};

/** A finite number >= 0 (durations, shares); `max` bounds it from above when given. */
export function nonNegativeNumber(max = Infinity): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      throw malformed(path, max === Infinity ? 'a number >= 0' : `a number in 0..${max}`, value);
    }
    return value;
  };
}

export const count: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw malformed(path, 'an integer >= 0', value);
  return value;
};

export const positiveInteger: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw malformed(path, 'an integer > 0', value);
  return value;
};

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw malformed(path, `one of ${values.join(', ')}`, value);
    }
    return value as T;
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

export function tooLarge(path: string, what: string): DozorBackendError {
  return new DozorBackendError('invalid-response', `Malformed server response: ${path} has ${what}`, { field: path });
}

/** An array of at most `maxItems` items (checked before any item is, so an oversized answer costs nothing). */
export function arrayOf<T>(check: Check<T>, maxItems = Number.POSITIVE_INFINITY): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw malformed(path, 'an array', value);
    if (value.length > maxItems) throw tooLarge(path, `${value.length} items (at most ${maxItems})`);
    return value.map((item, i) => check(item, at(path, i)));
  };
}

/** A JSON object of any content (traits) within the size bounds of core: copied so callers cannot alias the response. */
export const jsonRecord: Check<Record<string, unknown>> = (value, path) => {
  if (!isPlainObject(value)) throw malformed(path, 'an object', value);
  const excess = jsonExceeds(value, MAX_TRAIT_ENTRIES, MAX_TRAIT_DEPTH);
  if (excess === 'entries') throw tooLarge(path, `more than ${MAX_TRAIT_ENTRIES} entries`);
  if (excess === 'depth') throw tooLarge(path, `more than ${MAX_TRAIT_DEPTH} levels`);
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
};

/**
 * A JSON object (one list row's traits) cut to the size bounds of core rather than refused: a row whose
 * traits are too large says so, and the rest of its page is still shown.
 */
export const prunedJsonRecord: Check<PrunedJson<Record<string, unknown>>> = (value, path) => {
  if (!isPlainObject(value)) throw malformed(path, 'an object', value);
  // The copy is the pruned one: callers cannot alias the response either way.
  return pruneJson(value, MAX_TRAIT_ENTRIES, MAX_TRAIT_DEPTH);
};

type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/** An object with exactly the shape's keys required; other keys are dropped. */
export function object<S extends Shape>(shape: S): Check<Checked<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw malformed(path, 'an object', value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const fieldPath = at(path, key);
      if (!(key in value))
        throw new DozorBackendError('invalid-response', `Malformed server response: ${fieldPath} is missing`, { field: fieldPath });
      out[key] = shape[key]!(value[key], fieldPath);
    }
    return out as Checked<S>;
  };
}

/** Runs a check on a whole response body. */
export function checkResponse<T>(check: Check<T>, body: unknown): T {
  return check(body, ROOT);
}

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

/** An `invalid-response` error about `path` (`Malformed server response: <path> <what>`). */
function invalid(path: string, what: string): DozorBackendError {
  return new DozorBackendError('invalid-response', `Malformed server response: ${path} ${what}`, { field: path });
}

export function malformed(path: string, expected: string, value: unknown): DozorBackendError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : value instanceof Date ? 'invalid Date' : typeof value;
  return invalid(path, `should be ${expected} (got ${got})`);
}

export function tooLarge(path: string, what: string): DozorBackendError {
  return invalid(path, `has ${what}`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The check of a value taken as it is when `test` holds, else malformed (it should be `expected`). */
function guard<T>(test: (value: unknown) => boolean, expected: string): Check<T> {
  return (value, path) => {
    if (!test(value)) throw malformed(path, expected, value);
    return value as T;
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';

export const string = guard<string>(isString, 'a string');

/** Every timestamp of the contract is `Date.toISOString()` output; anything unparseable is malformed. */
export const isoTimestamp = guard<string>((value) => isString(value) && Number.isFinite(Date.parse(value)), 'an ISO timestamp');

export const nonEmptyString = guard<string>((value) => isString(value) && value !== '', 'a non-empty string');

/** A point in time an SDK may hand over as an ISO string, epoch ms or a `Date`, as epoch ms. */
export const anyTimestamp: Check<number> = (value, path) => {
  const ms = isString(value) || typeof value === 'number' || value instanceof Date ? toMs(value) : NaN;
  if (!Number.isFinite(ms)) throw malformed(path, 'a timestamp', value);
  return ms;
};

/** An object of any content, not copied (the caller checks its fields next). */
export const record = guard<Record<string, unknown>>(isPlainObject, 'an object');

export const boolean = guard<boolean>((value) => typeof value === 'boolean', 'a boolean');

/** A finite number >= 0 (durations, shares); `max` bounds it from above when given. */
export function nonNegativeNumber(max = Infinity): Check<number> {
  return guard(
    (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= max,
    max === Infinity ? 'a number >= 0' : `a number in 0..${max}`,
  );
}

export const count = guard<number>((value) => Number.isSafeInteger(value) && (value as number) >= 0, 'an integer >= 0');

export const positiveInteger = guard<number>((value) => Number.isSafeInteger(value) && (value as number) > 0, 'an integer > 0');

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return guard((value) => (values as readonly unknown[]).includes(value), `one of ${values.join(', ')}`);
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
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
  const excess = jsonExceeds(record(value, path), MAX_TRAIT_ENTRIES, MAX_TRAIT_DEPTH);
  if (excess === 'entries') throw tooLarge(path, `more than ${MAX_TRAIT_ENTRIES} entries`);
  if (excess === 'depth') throw tooLarge(path, `more than ${MAX_TRAIT_DEPTH} levels`);
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
};

/**
 * A JSON object (one list row's traits) cut to the size bounds of core rather than refused: a row whose
 * traits are too large says so, and the rest of its page is still shown.
 */
export const prunedJsonRecord: Check<PrunedJson<Record<string, unknown>>> = (value, path) => {
  // The copy is the pruned one: callers cannot alias the response either way.
  return pruneJson(record(value, path), MAX_TRAIT_ENTRIES, MAX_TRAIT_DEPTH);
};

type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/** An object with exactly the shape's keys required; other keys are dropped. */
export function object<S extends Shape>(shape: S): Check<Checked<S>> {
  return (value, path) => {
    const fields = record(value, path);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const fieldPath = at(path, key);
      if (!(key in fields)) throw invalid(fieldPath, 'is missing');
      out[key] = shape[key]!(fields[key], fieldPath);
    }
    return out as Checked<S>;
  };
}

/** Runs a check on a whole response body. */
export function checkResponse<T>(check: Check<T>, body: unknown): T {
  return check(body, ROOT);
}

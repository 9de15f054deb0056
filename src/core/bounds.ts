/**
 * Caps on the work any one answer can cause, so a broken or hostile backend cannot hang the page:
 * the HTTP validation rejects answers beyond the accepted sizes (an `invalid-response` error), and
 * the elements show at most the shown sizes, with a visible "truncated" note.
 */

/** Bytes of one response body that is read at all (a list page of 100 users is well under 1 MB). */
export const MAX_RESPONSE_BYTES = 8_000_000;
/** Slots of an activity grid; the largest real grid (7d of 1 h buckets) has 168. */
export const MAX_BUCKET_SLOTS = 2_000;
/** Sessions one timeline answer may hold; more is not a week of one user's activity. */
export const MAX_TIMELINE_SESSIONS = 10_000;
/** Bars the timeline draws (the latest sessions first). */
export const MAX_TIMELINE_BARS = 500;
/** Lanes the timeline stacks; sessions that would need another lane are left out (and counted). */
export const MAX_TIMELINE_LANES = 20;
/** Page segments drawn under one timeline bar. */
export const MAX_PERIODS_SHOWN = 50;
/** Url periods one session of a timeline answer may hold. */
export const MAX_SESSION_PERIODS = 2_000;
/** Steps (pages and gaps) a session journey lists. */
export const MAX_JOURNEY_STEPS_SHOWN = 100;
/** Items of one list page, whatever the limit asked (the contract allows 100). */
export const MAX_PAGE_ITEMS = 1_000;
/** Entries (keys and array items, at every depth) of one traits object that an answer may carry. */
export const MAX_TRAIT_ENTRIES = 2_000;
/** Nesting of traits an answer may carry. */
export const MAX_TRAIT_DEPTH = 32;
/** Entries (in all), keys per object and depth the traits JSON view prints. */
export const MAX_TRAIT_ENTRIES_SHOWN = 500;
export const MAX_TRAIT_KEYS_SHOWN = 100;
export const MAX_TRAIT_DEPTH_SHOWN = 6;
/** Characters of one untrusted value shown in a line, a cell or a `title`. */
export const MAX_TEXT_SHOWN = 200;
/** Characters of one string value inside the traits JSON view. */
export const MAX_JSON_STRING_SHOWN = 1_000;

const ELLIPSIS = '…';

/** The text itself when short enough, else its first `max` characters and an ellipsis. */
export function clipText(text: string, max: number = MAX_TEXT_SHOWN): string {
  return text.length > max ? `${text.slice(0, max)}${ELLIPSIS}` : text;
}

export interface BoundedJson {
  text: string;
  /** True when keys, depth or string lengths were cut. */
  truncated: boolean;
}

export interface JsonBounds {
  /** Entries printed in all. */
  maxEntries: number;
  /** Entries printed per object or array. */
  maxKeys: number;
  maxDepth: number;
  maxString: number;
}

const SHOWN_JSON_BOUNDS: JsonBounds = {
  maxEntries: MAX_TRAIT_ENTRIES_SHOWN,
  maxKeys: MAX_TRAIT_KEYS_SHOWN,
  maxDepth: MAX_TRAIT_DEPTH_SHOWN,
  maxString: MAX_JSON_STRING_SHOWN,
};

/**
 * JSON (indented by `space`, compact at 0, as JSON.stringify) of at most `maxEntries` entries in all, `maxKeys` per object or
 * array, `maxDepth` levels and `maxString` characters per string; what is cut becomes `…`. The walk
 * never visits what it does not print, so its cost is bounded whatever the value holds.
 */
export function boundedJson(value: unknown, bounds: JsonBounds = SHOWN_JSON_BOUNDS, space = 2): BoundedJson {
  const newline = space > 0 ? '\n' : '';
  const colon = space > 0 ? ': ' : ':';
  let truncated = false;
  let entries = 0;
  const full = () => entries >= bounds.maxEntries;
  const cut = () => {
    truncated = true;
    return JSON.stringify(ELLIPSIS);
  };
  const write = (node: unknown, depth: number, indent: string): string => {
    if (node === null || typeof node === 'boolean') return String(node);
    if (typeof node === 'number') return Number.isFinite(node) ? String(node) : 'null';
    if (typeof node === 'string')
      return JSON.stringify(node.length > bounds.maxString ? ((truncated = true), clipText(node, bounds.maxString)) : node);
    if (typeof node !== 'object') return 'null';
    if (depth >= bounds.maxDepth) return cut();
    const inner = `${indent}${' '.repeat(space)}`;
    const lines: string[] = [];
    if (Array.isArray(node)) {
      let i = 0;
      for (; i < node.length && i < bounds.maxKeys && !full(); i++) {
        entries++;
        lines.push(`${inner}${write(node[i], depth + 1, inner)}`);
      }
      if (i < node.length) lines.push(`${inner}${cut()}`);
      return lines.length === 0 ? '[]' : `[${newline}${lines.join(`,${newline}`)}${newline}${indent}]`;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (lines.length >= bounds.maxKeys || full()) {
        lines.push(`${inner}${cut()}`);
        break;
      }
      entries++;
      const shownKey = key.length > bounds.maxString ? ((truncated = true), clipText(key, bounds.maxString)) : key;
      lines.push(`${inner}${JSON.stringify(shownKey)}${colon}${write(record[key], depth + 1, inner)}`);
    }
    return lines.length === 0 ? '{}' : `{${newline}${lines.join(`,${newline}`)}${newline}${indent}}`;
  };
  const text = write(value, 0, '');
  return { text, truncated };
}

/**
 * Which bound a JSON value breaks, if any: more than `maxEntries` entries (keys and array items at
 * every depth) or more than `maxDepth` levels. Stops at the first excess, so its cost is bounded.
 */
export function jsonExceeds(value: unknown, maxEntries: number, maxDepth: number): 'entries' | 'depth' | null {
  let entries = 0;
  const visit = (node: unknown, depth: number): 'entries' | 'depth' | null => {
    if (typeof node !== 'object' || node === null) return null;
    if (depth >= maxDepth) return 'depth';
    if (Array.isArray(node)) {
      if ((entries += node.length) > maxEntries) return 'entries';
      for (const item of node) {
        const excess = visit(item, depth + 1);
        if (excess) return excess;
      }
      return null;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (++entries > maxEntries) return 'entries';
      const excess = visit(record[key], depth + 1);
      if (excess) return excess;
    }
    return null;
  };
  return visit(value, 0);
}

export interface PrunedJson<T> {
  value: T;
  /** True when entries or levels beyond the bounds were left out. */
  truncated: boolean;
}

/**
 * A copy of a JSON value within the bounds `jsonExceeds` checks: the first `maxEntries` entries (keys
 * and array items, depth first, in order), and no object or array at `maxDepth` levels or deeper. It
 * stops where the bounds do, so its cost is bounded whatever the value holds.
 */
export function pruneJson<T>(value: T, maxEntries: number, maxDepth: number): PrunedJson<T> {
  let entries = 0;
  let truncated = false;
  const isContainer = (node: unknown): node is object => typeof node === 'object' && node !== null;
  /** Whether an entry holding `child` at `depth` fits; false (and truncated) once the bounds are reached. */
  const fits = (child: unknown, depth: number): boolean => {
    if (isContainer(child) && depth + 1 >= maxDepth) {
      truncated = true;
      return false;
    }
    entries++;
    return true;
  };
  const copy = (node: unknown, depth: number): unknown => {
    if (!isContainer(node)) return node;
    if (Array.isArray(node)) {
      const items: unknown[] = [];
      for (const item of node) {
        if (entries >= maxEntries) {
          truncated = true;
          break;
        }
        if (fits(item, depth)) items.push(copy(item, depth + 1));
      }
      return items;
    }
    const record = node as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key in record) {
      if (!Object.hasOwn(record, key)) continue;
      if (entries >= maxEntries) {
        truncated = true;
        break;
      }
      if (!fits(record[key], depth)) continue;
      const kept = copy(record[key], depth + 1);
      // An own "__proto__" key (JSON.parse makes one) stays a key, never the copy's prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
      else out[key] = kept;
    }
    return out;
  };
  return { value: copy(value, 0) as T, truncated };
}

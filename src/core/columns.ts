import { boundedJson, clipText } from './bounds.js';
import { MAX_TRAIT_KEY_LENGTH } from './display-name.js';

/** The users list's own columns, in their default order. */
export const BUILT_IN_COLUMNS = ['user', 'project', 'status', 'tags', 'last-seen', 'sessions', 'active'] as const;
export type BuiltInColumn = (typeof BUILT_IN_COLUMNS)[number];
/** A column showing one top-level trait: `trait:plan`. */
export type TraitColumn = `trait:${string}`;
export type ListColumn = BuiltInColumn | TraitColumn;

export const DEFAULT_COLUMNS: readonly ListColumn[] = Object.freeze([...BUILT_IN_COLUMNS]);
/** The user column holds the name, the link and the grid's first cell: it cannot be hidden. */
export const REQUIRED_COLUMN: BuiltInColumn = 'user';
export const MAX_COLUMNS = 20;
/** Trait keys offered from the loaded rows, most common first. */
export const MAX_DISCOVERED_TRAIT_KEYS = 50;
/** Rows read to discover trait keys (the first ones loaded), so a huge list costs the same as a small one. */
export const TRAIT_DISCOVERY_ROWS = 500;

const TRAIT_PREFIX = 'trait:';

/** A `columns` value that cannot be used; nothing is changed when it is thrown. */
export class ColumnsError extends Error {
  override readonly name = 'ColumnsError';
  constructor(
    message: string,
    readonly input: string,
  ) {
    super(message);
  }
}

export function isBuiltInColumn(value: string): value is BuiltInColumn {
  return (BUILT_IN_COLUMNS as readonly string[]).includes(value);
}

export function isTraitColumn(column: string): column is TraitColumn {
  return column.startsWith(TRAIT_PREFIX);
}

/** The trait key a trait column shows. */
export function traitKeyOf(column: TraitColumn): string {
  return column.slice(TRAIT_PREFIX.length);
}

/** The column of a trait key (kept exactly: traits are looked up by it); throws `ColumnsError` for a blank or over-long key. */
export function traitColumn(key: string): TraitColumn {
  if (key.trim() === '') throw new ColumnsError('A trait column needs a trait key', key);
  if (key.length > MAX_TRAIT_KEY_LENGTH) throw new ColumnsError(`Trait keys are at most ${MAX_TRAIT_KEY_LENGTH} characters`, key);
  return `${TRAIT_PREFIX}${key}`;
}

/**
 * Reads `"user,status,last-seen,trait:plan"`: built-in names and `trait:<key>` (the key
 * percent-encoded where it holds a comma, a percent sign or outer spaces, as `formatColumns` writes it). Throws
 * `ColumnsError` for an unknown name, a repeated column, a missing `user` column or too many columns.
 */
export function parseColumns(text: string): ListColumn[] {
  const names = text.split(',').map((name) => name.trim());
  const columns: ListColumn[] = [];
  for (const name of names) {
    if (name === '') throw new ColumnsError('Empty column name', text);
    let column: ListColumn;
    if (isTraitColumn(name)) {
      let key: string;
      try {
        key = decodeURIComponent(name.slice(TRAIT_PREFIX.length));
      } catch {
        throw new ColumnsError(`Unreadable trait key in "${clipText(name, 60)}"`, text);
      }
      column = traitColumn(key);
    } else if (isBuiltInColumn(name)) {
      column = name;
    } else {
      throw new ColumnsError(`Unknown column "${clipText(name, 60)}"`, text);
    }
    if (columns.includes(column)) throw new ColumnsError(`Column "${clipText(name, 60)}" is listed twice`, text);
    columns.push(column);
  }
  if (!columns.includes(REQUIRED_COLUMN)) throw new ColumnsError(`The "${REQUIRED_COLUMN}" column cannot be hidden`, text);
  if (columns.length > MAX_COLUMNS) throw new ColumnsError(`At most ${MAX_COLUMNS} columns`, text);
  return columns;
}

/** The inverse of `parseColumns`. */
export function formatColumns(columns: readonly ListColumn[]): string {
  return columns
    .map((column) =>
      isTraitColumn(column) ? `${TRAIT_PREFIX}${traitKeyOf(column).replace(/[%,]|^\s+|\s+$/g, encodeURIComponent)}` : column,
    )
    .join(',');
}

export function sameColumns(a: readonly ListColumn[], b: readonly ListColumn[]): boolean {
  return a.length === b.length && a.every((column, i) => column === b[i]);
}

/** Moves a column one or more places (clamped at the ends); other columns keep their order. */
export function moveColumn(columns: readonly ListColumn[], column: ListColumn, offset: number): ListColumn[] {
  const from = columns.indexOf(column);
  if (from < 0) return [...columns];
  const to = Math.max(0, Math.min(columns.length - 1, from + offset));
  const next = columns.filter((c) => c !== column);
  next.splice(to, 0, column);
  return next;
}

/**
 * Shows or hides a column. A built-in column comes back after the shown built-ins that precede it by default,
 * a trait column at the end. The user column stays, and nothing is added past `MAX_COLUMNS`.
 */
export function setColumnShown(columns: readonly ListColumn[], column: ListColumn, shown: boolean): ListColumn[] {
  const present = columns.includes(column);
  if (!shown) return column === REQUIRED_COLUMN || !present ? [...columns] : columns.filter((c) => c !== column);
  if (present || columns.length >= MAX_COLUMNS) return [...columns];
  if (isTraitColumn(column)) return [...columns, column];
  // Right after the last shown built-in column that comes before it by default.
  const rank = BUILT_IN_COLUMNS.indexOf(column);
  let after = -1;
  columns.forEach((c, i) => {
    if (isBuiltInColumn(c) && BUILT_IN_COLUMNS.indexOf(c) < rank) after = i;
  });
  const next = [...columns];
  next.splice(after + 1, 0, column);
  return next;
}

/** Top-level trait keys of the first loaded rows, most common first, then by name; bounded. */
export function discoverTraitKeys(
  rows: readonly { traits: Record<string, unknown> | null }[],
  max: number = MAX_DISCOVERED_TRAIT_KEYS,
): string[] {
  const counts = new Map<string, number>();
  for (const row of rows.slice(0, TRAIT_DISCOVERY_ROWS)) {
    if (!row.traits || typeof row.traits !== 'object') continue;
    for (const key of Object.keys(row.traits)) {
      if (key.trim() === '' || key.length > MAX_TRAIT_KEY_LENGTH) continue;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, max)
    .map(([key]) => key);
}

const CELL_JSON = { maxEntries: 20, maxKeys: 10, maxDepth: 3, maxString: 60 };

/**
 * A trait's value as the text of a cell (untrusted: always text): strings as they are, numbers and
 * booleans through `String`, objects and arrays as compact bounded JSON; '' when absent. Clipped.
 */
export function traitText(traits: Record<string, unknown> | null | undefined, key: string): string {
  if (!traits || !Object.prototype.hasOwnProperty.call(traits, key)) return '';
  const value = traits[key];
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clipText(value.trim());
  if (typeof value === 'object') return clipText(boundedJson(value, CELL_JSON, 0).text);
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects took the JSON path above: only primitives reach String()
  return clipText(String(value));
}

/**
 * Saved views of the users list: a name and the list's state (search, filters, sort, columns) in the
 * same query-string form the list writes to the URL with `sync-url`, so one parser restores both.
 */
export interface SavedView {
  /** Unique within a store. */
  id: string;
  name: string;
  /** The list's state as a query string: `search=ada&statuses=ONLINE&sort=sessions&columns=user,status`. */
  query: string;
  /** The view the list opens with when the URL names no state of its own; at most one per store. */
  isDefault: boolean;
}

/**
 * Where saved views live: `createStorageViewStore` (localStorage, per `storage-key`) or the host's
 * own (its server, per user), given to the list as `viewStore`. Rejections are shown as errors.
 */
export interface ViewStore {
  list(): Promise<SavedView[]>;
  /** Adds the view, or replaces the one with its id; returns it as stored. */
  save(view: SavedView): Promise<SavedView>;
  remove(id: string): Promise<void>;
}

export const MAX_VIEW_NAME_LENGTH = 80;
export const MAX_VIEW_QUERY_LENGTH = 4_000;
export const MAX_SAVED_VIEWS = 50;

/** A view that cannot be saved; nothing is changed when it is thrown. */
export class SavedViewError extends Error {
  override readonly name = 'SavedViewError';
  constructor(
    message: string,
    readonly reason: 'name' | 'query' | 'limit',
  ) {
    super(message);
  }
}

/** The trimmed name; throws `SavedViewError` when blank or longer than `MAX_VIEW_NAME_LENGTH`. */
export function viewName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw new SavedViewError('A view needs a name', 'name');
  if (name.length > MAX_VIEW_NAME_LENGTH) throw new SavedViewError(`View names are at most ${MAX_VIEW_NAME_LENGTH} characters`, 'name');
  return name;
}

function isSavedView(value: unknown): value is SavedView {
  if (!value || typeof value !== 'object') return false;
  const view = value as Record<string, unknown>;
  return (
    typeof view['id'] === 'string' &&
    view['id'] !== '' &&
    typeof view['name'] === 'string' &&
    view['name'].trim() !== '' &&
    view['name'].length <= MAX_VIEW_NAME_LENGTH &&
    typeof view['query'] === 'string' &&
    view['query'].length <= MAX_VIEW_QUERY_LENGTH &&
    typeof view['isDefault'] === 'boolean'
  );
}

/**
 * The valid views of an untrusted list (stored JSON, a host's answer): malformed entries and
 * repeated ids are dropped, at most `MAX_SAVED_VIEWS` kept, and only the first default stays default.
 */
export function sanitizeViews(input: unknown): SavedView[] {
  if (!Array.isArray(input)) return [];
  const seen = new Set<string>();
  let defaultSeen = false;
  const views: SavedView[] = [];
  for (const entry of input) {
    if (views.length >= MAX_SAVED_VIEWS) break;
    if (!isSavedView(entry) || seen.has(entry.id)) continue;
    seen.add(entry.id);
    const isDefault: boolean = entry.isDefault && !defaultSeen;
    defaultSeen ||= isDefault;
    views.push({ id: entry.id, name: entry.name, query: entry.query, isDefault });
  }
  return views;
}

export function defaultView(views: readonly SavedView[]): SavedView | undefined {
  return views.find((view) => view.isDefault);
}

/**
 * `views` with `view` added or replaced (by id); when it is the default, every other view stops
 * being one. Throws `SavedViewError` past `MAX_SAVED_VIEWS` or for a query that is too long.
 */
export function upsertView(views: readonly SavedView[], view: SavedView): SavedView[] {
  if (view.query.length > MAX_VIEW_QUERY_LENGTH) throw new SavedViewError('This view holds too much to be saved', 'query');
  const named = { ...view, name: viewName(view.name) };
  const exists = views.some((v) => v.id === view.id);
  if (!exists && views.length >= MAX_SAVED_VIEWS) throw new SavedViewError(`At most ${MAX_SAVED_VIEWS} saved views`, 'limit');
  const others = named.isDefault ? views.map((v) => (v.isDefault && v.id !== view.id ? { ...v, isDefault: false } : v)) : [...views];
  return exists ? others.map((v) => (v.id === view.id ? named : v)) : [...others, named];
}

/** The small part of the Web Storage API a store needs (localStorage, sessionStorage, or a stand-in). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where a list with this `storage-key` keeps its saved views or its columns in Web Storage. */
export function listStorageKey(storageKey: string, item: 'views' | 'columns'): string {
  return `dozor:${storageKey}:${item}`;
}

/**
 * A `ViewStore` in Web Storage under `dozor:<storageKey>:views`. What is read back is sanitized
 * (another script may have written anything there); `readSync` serves the list's first render.
 */
export function createStorageViewStore(storage: KeyValueStorage, storageKey: string): ViewStore & { readSync(): SavedView[] } {
  const key = listStorageKey(storageKey, 'views');
  const readSync = (): SavedView[] => {
    try {
      const raw = storage.getItem(key);
      return raw === null ? [] : sanitizeViews(JSON.parse(raw));
    } catch {
      return [];
    }
  };
  const write = (views: readonly SavedView[]) => storage.setItem(key, JSON.stringify(views));
  return {
    readSync,
    async list() {
      return readSync();
    },
    async save(view) {
      const views = upsertView(readSync(), view);
      write(views);
      return views.find((v) => v.id === view.id)!;
    },
    async remove(id) {
      write(readSync().filter((view) => view.id !== id));
    },
  };
}

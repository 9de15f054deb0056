import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createStorageViewStore, defaultView, SavedViewError, viewName, type SavedView, type ViewStore } from '../../core/index.js';
import { toBackendError } from '../shared/backend-task.js';
import { closeMenuOnEscape } from './filter-menu.js';

/** The saved-views menu's English strings. */
export const SAVED_VIEWS_STRINGS = {
  /** The menu's button: the view shown now, if any. */
  viewsButton: (active: string | null) => (active === null ? 'Views' : `View: ${active}`),
  viewsLegend: 'Saved views',
  viewsEmpty: 'No saved views yet.',
  viewNameLabel: 'Name this view',
  saveView: 'Save view',
  deleteView: (name: string) => `Delete view ${name}`,
  makeDefaultView: (name: string) => `Default view: ${name}`,
  defaultViewMark: 'Default',
  viewSaved: (name: string) => `View ${name} saved`,
};
export type SavedViewsStrings = typeof SAVED_VIEWS_STRINGS;

export interface SavedViewsOptions {
  /** The host's store, if any. */
  viewStore: () => ViewStore | undefined;
  /** Without a host store, views live in localStorage under this key (none without one). */
  storageKey: () => string | undefined;
  /** The list's state in its query-string form (that of `sync-url`). */
  currentQuery: () => string;
  /** Puts a view's state on the list. */
  apply: (query: string) => void;
  /** True when the page's URL names a list state of its own: it wins over the default view. */
  urlHasState: () => boolean;
}

/** Query strings compared by their pairs, whatever their order or encoding. */
function sameQuery(a: string, b: string): boolean {
  const normal = (query: string) => {
    const params = new URLSearchParams(query);
    params.sort();
    return params.toString();
  };
  return normal(a) === normal(b);
}

/**
 * The list's saved views: read from the host's `viewStore` or localStorage per `storage-key`, the
 * default one put on the list before its first request (`ready` is false until then), and the
 * menu to pick, save, delete and mark one as the default.
 */
export class SavedViews implements ReactiveController {
  views: SavedView[] = [];
  /** False while a host store is read: the list holds its first request until then. */
  ready = true;
  private error = '';
  private announced = '';
  private draft = '';
  private storeInUse: ViewStore | undefined;
  private local: { key: string; store: ViewStore & { readSync(): SavedView[] } } | undefined;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SavedViewsOptions,
  ) {
    host.addController(this);
  }

  /** The host's store, else one in localStorage under the list's key. */
  private get store(): ViewStore | undefined {
    const own = this.options.viewStore();
    if (own) return own;
    const key = this.options.storageKey();
    if (!key) return undefined;
    if (this.local?.key !== key) {
      try {
        this.local = { key, store: createStorageViewStore(localStorage, key) };
      } catch {
        return undefined; // storage blocked (a sandboxed frame): no saved views
      }
    }
    return this.local.store;
  }

  hostConnected(): void {
    this.load();
  }

  /** Before the list decides on a request: a new store is read (and its default applied). */
  sync(): void {
    if (this.store !== this.storeInUse) this.load();
  }

  private load(): void {
    const store = this.store;
    this.storeInUse = store;
    const generation = ++this.generation;
    this.error = '';
    this.views = [];
    if (!store) return;
    if (store === this.local?.store) {
      // localStorage answers at once: the default view is on the list before its first render.
      this.receive(this.local.store.readSync());
      return;
    }
    this.ready = false;
    store.list().then(
      (views) => generation === this.generation && this.receive(views),
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.error = toBackendError(error).message;
        this.ready = true;
        this.host.requestUpdate();
      },
    );
  }

  private receive(views: SavedView[]): void {
    this.views = views;
    const chosen = defaultView(views);
    if (chosen && !this.options.urlHasState()) this.options.apply(chosen.query);
    this.ready = true;
    this.host.requestUpdate();
  }

  /** The saved view the list shows now, if any. */
  get active(): SavedView | undefined {
    const query = this.options.currentQuery();
    return this.views.find((view) => sameQuery(view.query, query));
  }

  /** Runs a change on the store; a rejection (or a SavedViewError) is shown in the menu, nothing else changes. */
  private async write(work: (store: ViewStore) => Promise<void>): Promise<void> {
    const store = this.store;
    if (!store) return;
    try {
      await work(store);
      this.error = '';
    } catch (error) {
      this.error = error instanceof SavedViewError ? error.message : toBackendError(error).message;
    } finally {
      this.host.requestUpdate();
    }
  }

  private save(s: SavedViewsStrings): Promise<void> {
    return this.write(async (store) => {
      const view = { id: newViewId(), name: viewName(this.draft), query: this.options.currentQuery(), isDefault: false };
      const saved = await store.save(view);
      this.views = [...this.views.filter((v) => v.id !== saved.id), saved];
      this.draft = '';
      this.announced = s.viewSaved(saved.name);
    });
  }

  private remove(view: SavedView): Promise<void> {
    return this.write(async (store) => {
      await store.remove(view.id);
      this.views = this.views.filter((v) => v.id !== view.id);
    });
  }

  /** Makes `view` the default, or no view when it is one; the previous default is saved as a plain view first. */
  private toggleDefault(view: SavedView): Promise<void> {
    return this.write(async (store) => {
      const previous = this.views.find((v) => v.isDefault && v.id !== view.id);
      if (previous) await store.save({ ...previous, isDefault: false });
      const saved = await store.save({ ...view, isDefault: !view.isDefault });
      this.views = this.views.map((v) => (v.id === saved.id ? saved : v.id === previous?.id ? { ...v, isDefault: false } : v));
    });
  }

  render(s: SavedViewsStrings): TemplateResult | typeof nothing {
    if (!this.store) return nothing;
    const active = this.active;
    return html`<details class="filter" part="filter views" @keydown=${closeMenuOnEscape}>
        <summary class="button" part="button views-button">${s.viewsButton(active?.name ?? null)}</summary>
        <div class="filter-menu views-menu" role="group" aria-label=${s.viewsLegend}>
          ${
            this.views.length === 0
              ? html`<p class="menu-note">${s.viewsEmpty}</p>`
              : html`<ul class="menu-list">
                ${this.views.map(
                  (view) => html`<li>
                    <button
                      class="move view-pick"
                      part="button view-button"
                      type="button"
                      aria-current=${view === active ? 'true' : 'false'}
                      @click=${() => this.options.apply(view.query)}
                    >
                      ${view.name}
                    </button>
                    <button
                      class="move"
                      part="button view-default-button"
                      type="button"
                      aria-pressed=${view.isDefault ? 'true' : 'false'}
                      aria-label=${s.makeDefaultView(view.name)}
                      @click=${() => void this.toggleDefault(view)}
                    >
                      ${s.defaultViewMark}
                    </button>
                    <button class="move" part="button view-delete-button" type="button" aria-label=${s.deleteView(view.name)} @click=${() => void this.remove(view)}>
                      ✕
                    </button>
                  </li>`,
                )}
              </ul>`
          }
          <form
            class="menu-form"
            @submit=${(event: Event) => {
              event.preventDefault();
              void this.save(s);
            }}
          >
            <label>
              <span>${s.viewNameLabel}</span>
              <input
                part="input view-name"
                .value=${this.draft}
                maxlength="80"
                required
                @input=${(event: Event) => (this.draft = (event.target as HTMLInputElement).value)}
              />
            </label>
            <button class="button small" part="button save-view-button" type="submit">${s.saveView}</button>
          </form>
          ${this.error ? html`<p class="menu-note" role="alert" part="views-error">${this.error}</p>` : nothing}
        </div>
      </details>
      <span class="visually-hidden" role="status">${this.announced}</span>`;
  }
}

/** A random id (randomUUID needs a secure context; getRandomValues does not). */
function newViewId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

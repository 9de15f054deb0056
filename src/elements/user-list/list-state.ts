import type { ReactiveControllerHost } from 'lit';
import type { ViewStore } from '../../core/index.js';
import { DEFAULT_LIST_FILTERS, filtersFromParams, hasListState, writeFiltersToParams, type ListFilters } from '../shared/list-url.js';
import { UrlState } from '../shared/url-state.js';
import type { ColumnPicker } from './column-picker.js';
import { SavedViews } from './saved-views.js';

export interface ListStateOptions {
  columns: ColumnPicker;
  filters: () => ListFilters;
  applyFilters: (filters: Partial<ListFilters>) => void;
  syncUrl: () => boolean;
  viewStore: () => ViewStore | undefined;
  storageKey: () => string | undefined;
}

/**
 * The list's state (filters, sort, chosen columns) in its query-string form, and where it is kept
 * besides the element: the chosen columns in the page's URL with `sync-url` (`ListQuery` keeps the
 * filters there), and the saved views. Constructed after the column picker, so that on connect the
 * URL's columns win over the stored ones.
 */
export class ListState {
  readonly views: SavedViews;
  private readonly columnsUrl: UrlState;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: ListStateOptions,
  ) {
    this.columnsUrl = new UrlState(host, {
      enabled: options.syncUrl,
      restore: (params) => {
        if (params.has('columns')) options.columns.applyText(params.get('columns'), false);
      },
      write: (params) => {
        const text = options.columns.chosenText;
        if (text === null) params.delete('columns');
        else params.set('columns', text);
      },
    });
    this.views = new SavedViews(host, {
      viewStore: options.viewStore,
      storageKey: options.storageKey,
      currentQuery: () => this.query(),
      apply: (query) => this.apply(query),
      urlHasState: () => options.syncUrl() && hasListState(new URLSearchParams(window.location.search)),
    });
  }

  /** The state in query-string form: what a saved view keeps, and what a row's link carries with `sync-url`. */
  query(): string {
    const params = new URLSearchParams();
    writeFiltersToParams(params, this.options.filters());
    const columns = this.options.columns.chosenText;
    if (columns !== null) params.set('columns', columns);
    return params.toString();
  }

  /** After the viewer chose other columns. */
  columnsChanged(): void {
    this.columnsUrl.write();
  }

  /** Puts a saved view's state on the list: what it does not name goes back to the default. */
  private apply(query: string): void {
    const params = new URLSearchParams(query);
    this.options.applyFilters({ ...DEFAULT_LIST_FILTERS, ...filtersFromParams(params) });
    this.options.columns.applyText(params.get('columns'));
    this.columnsUrl.write();
  }
}

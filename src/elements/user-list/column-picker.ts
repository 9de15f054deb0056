import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import {
  BUILT_IN_COLUMNS,
  ColumnsError,
  discoverTraitKeys,
  formatColumns,
  isTraitColumn,
  listStorageKey,
  MAX_TRAIT_KEY_LENGTH,
  moveColumn,
  parseColumns,
  REQUIRED_COLUMN,
  sameColumns,
  setColumnShown,
  traitColumn,
  traitKeyOf,
  type BuiltInColumn,
  type ListColumn,
} from '../../core/index.js';
import { closeMenuOnEscape } from './filter-menu.js';

/** The column picker's English strings. */
export const COLUMN_PICKER_STRINGS = {
  columnsButton: 'Columns',
  columnsLegend: 'Show columns',
  moveColumnEarlier: (label: string) => `Move ${label} earlier`,
  moveColumnLater: (label: string) => `Move ${label} later`,
  traitColumnKeyLabel: 'Trait',
  addTraitColumn: 'Add column',
  resetColumns: 'Default columns',
};
export type ColumnPickerStrings = typeof COLUMN_PICKER_STRINGS;

export interface ColumnPickerOptions {
  /** The host's `columns`: what the list shows until the viewer chooses. */
  hostColumns: () => readonly ListColumn[];
  /** Built-in columns the backend cannot fill (no active time, no tags): never shown or offered. */
  unavailable: () => readonly BuiltInColumn[];
  storageKey: () => string | undefined;
  /** Trait keys the host offers; more are found in the loaded rows. */
  hostTraitKeys: () => readonly string[];
  rows: () => readonly { traits: Record<string, unknown> | null }[];
  label: (column: ListColumn) => string;
  /** After the viewer changed the columns in the menu. */
  changed: () => void;
}

/**
 * The list's columns: the host's, or the viewer's choice (kept in localStorage per `storage-key`),
 * and the menu that shows, hides and reorders them and adds any trait as a column.
 */
export class ColumnPicker implements ReactiveController {
  /** The viewer's choice; undefined follows the host's columns. */
  private chosen: ListColumn[] | undefined;
  private open = false;
  private draftKey = '';
  private shown: { key: string; columns: readonly ListColumn[] } = { key: '', columns: [] };
  private restoredFor: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ColumnPickerOptions,
  ) {
    host.addController(this);
  }

  /** On connect (before the URL is read, which wins) and when `storage-key` changes: the choice kept under the key. */
  hostConnected(): void {
    this.restore();
  }

  hostUpdate(): void {
    if (this.options.storageKey() !== this.restoredFor) this.restore();
  }

  private restore(): void {
    this.restoredFor = this.options.storageKey();
    const stored = this.storage((storage, key) => storage.getItem(key));
    try {
      this.chosen = typeof stored === 'string' ? parseColumns(stored) : undefined;
    } catch {
      this.chosen = undefined; // something else wrote there: the host's columns
    }
  }

  /** The columns shown, in order; the same array while they stay the same (rows re-render on a change only). */
  get columns(): readonly ListColumn[] {
    const unavailable: readonly string[] = this.options.unavailable();
    const columns = (this.chosen ?? this.options.hostColumns()).filter((column) => !unavailable.includes(column));
    const key = formatColumns(columns);
    if (key !== this.shown.key) this.shown = { key, columns };
    return this.shown.columns;
  }

  /** The viewer's choice as a `columns` value, or null while the host's columns are shown. */
  get chosenText(): string | null {
    return this.chosen === undefined ? null : formatColumns(this.chosen);
  }

  /** Shows the columns of a `columns` value (from the URL or a saved view; null: the host's); a bad value changes nothing. */
  applyText(text: string | null, persist = true): void {
    try {
      this.set(text === null ? undefined : parseColumns(text), persist);
    } catch (error) {
      if (!(error instanceof ColumnsError)) throw error;
    }
  }

  private set(columns: readonly ListColumn[] | undefined, persist: boolean): void {
    const next = columns === undefined || sameColumns(columns, this.options.hostColumns()) ? undefined : [...columns];
    if (next === this.chosen || (next && this.chosen && sameColumns(next, this.chosen))) return;
    this.chosen = next;
    if (persist) this.storage((storage, key) => (next ? storage.setItem(key, formatColumns(next)) : storage.removeItem(key)));
    this.host.requestUpdate();
  }

  /** Runs `work` on localStorage under this list's key; nothing without a key or where storage is blocked. */
  private storage<T>(work: (storage: Storage, key: string) => T): T | undefined {
    const storageKey = this.options.storageKey();
    if (!storageKey) return undefined;
    try {
      return work(localStorage, listStorageKey(storageKey, 'columns'));
    } catch {
      return undefined; // blocked or full: the choice holds for this page
    }
  }

  private change(columns: readonly ListColumn[]): void {
    this.set(columns, true);
    this.options.changed();
  }

  render(s: ColumnPickerStrings): TemplateResult {
    return html`<details
      class="filter"
      part="filter columns"
      @keydown=${closeMenuOnEscape}
      @toggle=${(event: Event) => {
        this.open = (event.currentTarget as HTMLDetailsElement).open;
        this.host.requestUpdate();
      }}
    >
      <summary class="button" part="button columns-button">${s.columnsButton}</summary>
      ${this.open ? this.renderMenu(s) : nothing}
    </details>`;
  }

  /** Rendered while open only: the trait keys are read from the rows then, not on every scroll. */
  private renderMenu(s: ColumnPickerStrings): TemplateResult {
    const shown = this.columns;
    const unavailable: readonly string[] = this.options.unavailable();
    const hidden = BUILT_IN_COLUMNS.filter((column) => !shown.includes(column) && !unavailable.includes(column));
    const shownKeys = new Set(shown.filter(isTraitColumn).map(traitKeyOf));
    const keys = [...new Set([...this.options.hostTraitKeys(), ...discoverTraitKeys(this.options.rows())])].filter(
      (key) => !shownKeys.has(key),
    );
    const move = (column: ListColumn, offset: number, label: string, disabled: boolean) =>
      html`<button class="move" part="button move-column-button" type="button" aria-label=${label} ?disabled=${disabled} @click=${() => this.change(moveColumn(shown, column, offset))}>
        ${offset < 0 ? '↑' : '↓'}
      </button>`;
    const checkbox = (column: ListColumn, on: boolean) =>
      html`<label>
        <input type="checkbox" .checked=${on} ?disabled=${column === REQUIRED_COLUMN} @change=${() => this.change(setColumnShown(shown, column, !on))} />
        <span class=${isTraitColumn(column) ? 'mono' : ''}>${this.options.label(column)}</span>
      </label>`;
    return html`<div class="filter-menu columns-menu" role="group" aria-label=${s.columnsLegend}>
      <ul class="menu-list">
        ${shown.map((column, i) => {
          const label = this.options.label(column);
          return html`<li>
            ${checkbox(column, true)} ${move(column, -1, s.moveColumnEarlier(label), i === 0)}
            ${move(column, 1, s.moveColumnLater(label), i === shown.length - 1)}
          </li>`;
        })}
        ${hidden.map((column) => html`<li>${checkbox(column, false)}</li>`)}
      </ul>
      <form class="menu-form" @submit=${(event: Event) => this.addTrait(event, shown)}>
        <label>
          <span>${s.traitColumnKeyLabel}</span>
          <input
            part="input trait-key"
            list="trait-keys"
            .value=${this.draftKey}
            maxlength=${MAX_TRAIT_KEY_LENGTH}
            required
            @input=${(event: Event) => (this.draftKey = (event.target as HTMLInputElement).value)}
          />
        </label>
        <datalist id="trait-keys">${keys.map((key) => html`<option value=${key}></option>`)}</datalist>
        <button class="button small" part="button add-column-button" type="submit">${s.addTraitColumn}</button>
      </form>
      ${
        this.chosen === undefined
          ? nothing
          : html`<button class="button small" part="button reset-columns-button" type="button" @click=${() => this.change(this.options.hostColumns())}>
            ${s.resetColumns}
          </button>`
      }
    </div>`;
  }

  private addTrait(event: Event, shown: readonly ListColumn[]): void {
    event.preventDefault();
    try {
      this.change(setColumnShown(shown, traitColumn(this.draftKey), true));
      this.draftKey = '';
    } catch (error) {
      if (!(error instanceof ColumnsError)) throw error;
    }
  }
}

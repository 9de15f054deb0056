import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { localeNumbers, type LocaleNumbers, USER_STATUSES, type UserStatus } from '../../core/index.js';
import type { BackendCapabilities, DozorBackendError, IdentityFilter, ProjectInfo } from '../../backend/index.js';
import type { CommonStrings } from '../shared/strings.js';
import { renderFilterMenu } from './filter-menu.js';
import { IDENTITY_FILTERS, type ListFilters } from '../shared/list-url.js';

/** The toolbar's English strings. */
export const TOOLBAR_STRINGS = {
  searchLabel: 'Search users',
  searchPlaceholder: 'Search by name, id or email',
  clearSearch: 'Clear search',
  projectsFilter: (selected: number, n: LocaleNumbers) => (selected === 0 ? 'All projects' : `Projects (${n.number(selected)})`),
  projectsLegend: 'Show users of',
  statusesFilter: (selected: number, n: LocaleNumbers) => (selected === 0 ? 'Any status' : `Status (${n.number(selected)})`),
  statusesLegend: 'Show users who are',
  identityLabel: 'Identity',
  identityOptions: { identified: 'Identified users', anonymous: 'Anonymous visitors', all: 'Everyone' } satisfies Record<
    IdentityFilter,
    string
  >,
  exportCsv: 'Export CSV',
  exporting: (done: number, total: number | null, n: LocaleNumbers) =>
    `Exporting ${n.number(done)}${total !== null ? ` of ${n.number(total)}` : ''}…`,
  cancelExport: 'Cancel export',
  exportFailed: 'The export failed',
};
export type ToolbarStrings = typeof TOOLBAR_STRINGS;

const SEARCH_DEBOUNCE_MS = 300;

/** The search box's draft: typed text reaches the list's `search` after a pause, at once on Enter. */
export class SearchDraft implements ReactiveController {
  text = '';
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly commit: (search: string) => void,
  ) {
    host.addController(this);
  }

  /** The list's `search` was set: the box shows it. */
  follow(search: string): void {
    this.text = search;
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  readonly onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.host.requestUpdate();
    this.cancel();
    this.timer = setTimeout(() => this.commit(this.text), SEARCH_DEBOUNCE_MS);
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter') {
      this.cancel();
      this.commit(this.text);
    } else if (event.key === 'Escape' && this.text) {
      event.preventDefault();
      this.clear();
    }
  };

  readonly clear = (): void => {
    this.cancel();
    this.text = '';
    this.commit('');
    this.host.requestUpdate();
    this.host.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  };
}

export interface ToolbarView {
  s: ToolbarStrings & Pick<CommonStrings, 'statusLabels'>;
  locale: string;
  capabilities: BackendCapabilities | undefined;
  projects: readonly ProjectInfo[];
  filters: ListFilters;
  draft: SearchDraft;
  setFilters: (filters: Partial<ListFilters>) => void;
  exportProgress: { done: number; total: number | undefined } | null;
  exportError: DozorBackendError | undefined;
  canExport: boolean;
  startExport: () => void;
  cancelExport: () => void;
  /** "Showing 50 of 1,234 users", also announced by the list. */
  count: string;
  /** The list's own menus (saved views, columns), after the filters. */
  menus: unknown;
  /** The active quick filter's chip, before the count. */
  chips: unknown;
}

/** The search box, the project / status / identity filters, the CSV export and the count. */
export function renderToolbar(view: ToolbarView): TemplateResult {
  const { s, capabilities: caps, filters, draft, exportProgress: progress } = view;
  const identities = caps?.filters.identities ?? [];
  return html`<div class="toolbar" part="toolbar" role="search">
    ${
      caps?.filters.search === false
        ? nothing
        : html`<div class="search">
          <input
            part="search"
            type="search"
            .value=${live(draft.text)}
            aria-label=${s.searchLabel}
            placeholder=${s.searchPlaceholder}
            maxlength="200"
            @input=${draft.onInput}
            @keydown=${draft.onKeyDown}
          />
          ${
            draft.text
              ? html`<button class="clear" part="button clear-button" type="button" aria-label=${s.clearSearch} @click=${draft.clear}>✕</button>`
              : nothing
          }
        </div>`
    }
    ${
      caps?.filters.projects === false || view.projects.length < 2
        ? nothing
        : renderFilterMenu({
            summary: s.projectsFilter(filters.projectIds.length, localeNumbers(view.locale)),
            legend: s.projectsLegend,
            options: view.projects.map((p) => ({ value: p.id, label: p.name })),
            selected: filters.projectIds,
            apply: (projectIds) => view.setFilters({ projectIds }),
          })
    }
    ${
      caps?.filters.statuses === false
        ? nothing
        : renderFilterMenu({
            summary: s.statusesFilter(filters.statuses.length, localeNumbers(view.locale)),
            legend: s.statusesLegend,
            options: USER_STATUSES.map((status) => ({ value: status, label: s.statusLabels[status] })),
            selected: filters.statuses,
            apply: (statuses) => view.setFilters({ statuses: statuses as UserStatus[] }),
          })
    }
    ${
      identities.length > 1
        ? html`<label class="visually-hidden" for="identity">${s.identityLabel}</label>
          <select
            id="identity"
            part="filter identity"
            .value=${live(filters.identity)}
            @change=${(event: Event) => view.setFilters({ identity: (event.target as HTMLSelectElement).value as IdentityFilter })}
          >
            ${IDENTITY_FILTERS.map((value) => html`<option value=${value} ?selected=${value === filters.identity}>${s.identityOptions[value]}</option>`)}
          </select>`
        : nothing
    }
    ${view.menus}
    ${
      progress
        ? html`<span part="export-progress">
            <progress max=${progress.total ?? 0} value=${progress.done} aria-label=${s.exportCsv}></progress>
            ${s.exporting(progress.done, progress.total ?? null, localeNumbers(view.locale))}
          </span>
          <button class="button small" part="button" type="button" @click=${view.cancelExport}>${s.cancelExport}</button>`
        : html`<button class="button" part="button export-button" type="button" ?disabled=${!view.canExport} @click=${view.startExport}>${s.exportCsv}</button>`
    }
    ${view.exportError ? html`<span role="alert" part="export-error">${s.exportFailed}: ${view.exportError.message}</span>` : nothing}
    ${view.chips}
    <span class="count" aria-hidden="true">${view.count}</span>
  </div>`;
}

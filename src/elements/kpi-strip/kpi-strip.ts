import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { formatCount, type LocaleNumbers } from '../../core/index.js';
import type { DozorBackend, TrackedUsersSummary } from '../../backend/index.js';
import { BackendTask } from '../shared/backend-task.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { renderErrorState } from '../shared/error-view.js';
import { LiveController } from '../shared/live-controller.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { kpiSelection, ListChannelController, type KpiId } from '../shared/list-channel.js';

/** The KPI strip's English strings; their type is `KpiStripStrings`. */
export const KPI_STRIP_STRINGS = {
  kpiLabel: 'Tracked users overview',
  kpiTotal: 'Total tracked',
  kpiTotalHint: 'Identified and anonymous, with or without a counted session',
  /** The total's hint when it comes from the users list (a backend without a summary). */
  kpiTotalListHint: 'Identified users, as the users list counts them',
  kpiOnline: 'Online now',
  kpiOnlineHint: 'Active in the last 2 minutes',
  kpiActive24h: 'Active 24h',
  kpiActive24hHint: 'Active in the last 24 hours, online included',
  kpiNewThisWeek: 'New this week',
  kpiNewThisWeekHint: 'Tracked for the first time in the last 7 days',
  kpiIdentified: 'Identified',
  kpiIdentifiedHint: (anonymous: number, n: LocaleNumbers) => `${n.number(anonymous)} anonymous`,
  /** Change of new users against the week before as a signed share (0.12 for "▲ 12% vs last week"). */
  kpiChange: (change: number, n: LocaleNumbers) => `${change >= 0 ? '▲' : '▼'} ${n.percent(Math.abs(change))} vs last week`,
  kpiNoPreviousWeek: 'No users the week before',
  kpiLoading: 'Loading overview',
  /** Under the cards when they count anonymous visitors, which the users list hides by default. */
  kpiIdentitiesNote:
    'These counts include anonymous visitors; the users list shows identified users unless its Identity filter says otherwise.',
  /** Under the cards: what makes a user active (the status rule). */
  kpiActivityDefinition: 'Activity counts only sessions with at least 10 events lasting at least 1 second.',
};

/** The KPI strip's strings (every key of its English table). */
export type KpiStripStrings = typeof KPI_STRIP_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends KpiStripStrings {}
}

interface Card {
  key: KpiId | 'new';
  label: string;
  value: number | undefined;
  hint: string | TemplateResult;
}

/**
 * The tracked-users overview: Total tracked, Online now, Active 24h and New this week (with the
 * change against the week before and the identified / anonymous split when the backend serves
 * them). Localized counts, skeletons while loading, an error with retry, and live updates
 * (pushed changes when the backend has them, else polling while the page is visible).
 *
 * Total tracked, Online now, Active 24h and Identified are toggle buttons: choosing one fires a
 * cancelable `dozor-kpi-select` with the users-list filters it stands for (`{ kpi, query:
 * { statuses, identity } }`, exactly the users it counts); unless a listener cancels it to route
 * itself, a `<dozor-user-list>` under the same provider applies it as a removable quick filter, and
 * the card stays pressed while it is applied. A card whose filter the backend cannot serve is not a
 * control; nor is New this week (the list has no first-seen filter).
 *
 * @tagname dozor-kpi-strip
 * @summary KPI cards for tracked users.
 * @fires dozor-kpi-select - {kpi, query} when a card is chosen (cancelable: cancel to route yourself instead of filtering the list on the page).
 * @fires dozor-error - {error, operation} when the summary request fails.
 * @csspart cards - the list of cards.
 * @csspart card - each card (also `card-total`, `card-online`, `card-active`, `card-new`, `card-identified`, and `selected` for the applied quick filter).
 * @csspart card-button - the button that makes a card a control.
 * @csspart value - the number.
 * @csspart label - the card title.
 * @csspart hint - the line under the number.
 * @csspart note - what the counts include and what makes a user active, under the cards.
 * @cssprop --dozor-surface - card background.
 * @cssprop --dozor-border - card border.
 * @cssprop --dozor-status-online-dot - the live dot of "Online now".
 */
export class DozorKpiStrip extends DozorElement {
  static override styles = [
    tokens,
    baseStyles,
    css`
      :host {
        display: block;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
        gap: calc(var(--_space) * 1.5);
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .card {
        display: flex;
        flex-direction: column;
        gap: 4px;
        padding: calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        min-width: 0;
      }
      .card-button {
        display: flex;
        flex-direction: column;
        gap: 4px;
        min-width: 0;
        margin: calc(var(--_space) * -2);
        padding: calc(var(--_space) * 2);
        border: 0;
        border-radius: var(--_radius);
        background: none;
        color: inherit;
        font: inherit;
        text-align: start;
        cursor: pointer;
      }
      .card-button:hover {
        background: var(--_surface-raised);
      }
      .card.selected {
        border-color: var(--_accent);
        box-shadow: inset 0 0 0 1px var(--_accent);
      }
      .check {
        margin-inline-start: auto;
        color: var(--_accent);
      }
      .label {
        display: flex;
        align-items: center;
        gap: 6px;
        color: var(--_muted);
        font-size: 0.9em;
      }
      .value {
        font-size: 1.75em;
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        line-height: 1.2;
      }
      .hint {
        color: var(--_muted);
        font-size: 0.85em;
      }
      .up { color: var(--_status-online); }
      .down { color: var(--_danger); }
      .live {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--_status-online-dot);
        animation: pulse 2s ease-in-out infinite;
      }
      @keyframes pulse {
        50% { opacity: 0.35; }
      }
      .skeleton.value {
        width: 4em;
        height: 1.2em;
      }
      .note {
        margin: var(--_space) 0 0;
        color: var(--_muted);
        font-size: 0.85em;
      }
      .footer {
        display: flex;
        justify-content: flex-end;
        margin-top: var(--_space);
      }
      /* On the strip's own surface, so a strip themed unlike the page stays readable. */
      .footer dozor-last-updated {
        padding: 2px var(--_space);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
    `,
  ];

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
  }

  /** Shows the "Updated … / Refresh now" line under the cards. */
  @property({ type: Boolean, attribute: 'show-updated' }) showUpdated = false;

  private readonly channel = new ListChannelController(this, () => this.config?.channel);
  private readonly summary = new BackendTask<Partial<TrackedUsersSummary>, readonly [DozorBackend]>(this, {
    operation: 'getSummary',
    args: () => {
      const backend = this.resolvedBackend;
      return backend && this.served(backend) !== 'none' ? [backend] : undefined;
    },
    task: ([backend], { signal }) => {
      this.live.markRefreshed();
      // Without a summary, the list's reported total still gives "Total tracked".
      if (this.served(backend) === 'summary') return backend.getSummary({ signal });
      return backend.listUsers({ limit: 1 }, { signal }).then((page) => ({ total: page.total }));
    },
    keepValue: () => false,
  });

  private readonly live = new LiveController(this, {
    backend: () => this.resolvedBackend,
    intervalMs: () => this.refreshIntervalMs,
    refresh: () => this.refresh(),
  });

  /** Fetches the summary now (what live updates and "Refresh now" do). */
  refresh(): void {
    void this.summary.run();
  }

  /** What the backend can count: the whole summary, only the total (from a list page), or nothing. */
  private served(backend: DozorBackend | undefined): 'summary' | 'total' | 'none' {
    const capabilities = backend?.capabilities;
    if (!capabilities || capabilities.blocks.summary) return 'summary';
    return capabilities.total ? 'total' : 'none';
  }

  override render() {
    const s = this.resolveStrings(KPI_STRIP_STRINGS);
    const data = this.summary.value;
    if (!data && this.summary.error) {
      return renderErrorState(this.summary.error, s, this.numbers, () => this.refresh());
    }
    const served = this.served(this.resolvedBackend);
    if (served === 'none') return nothing;
    const locale = this.resolvedLocale;
    const cards: Card[] = [
      { key: 'total', label: s.kpiTotal, value: data?.total, hint: served === 'summary' ? s.kpiTotalHint : s.kpiTotalListHint },
    ];
    if (served === 'summary') {
      cards.push(
        { key: 'online', label: s.kpiOnline, value: data?.onlineNow, hint: s.kpiOnlineHint },
        { key: 'active', label: s.kpiActive24h, value: data?.active24h, hint: s.kpiActive24hHint },
        { key: 'new', label: s.kpiNewThisWeek, value: data?.newThisWeek, hint: this.weekChange(data, s) },
      );
    }
    if (data?.identified !== undefined && data.anonymous !== undefined) {
      cards.push({
        key: 'identified',
        label: s.kpiIdentified,
        value: data.identified,
        hint: s.kpiIdentifiedHint(data.anonymous, this.numbers),
      });
    }
    return html`<ul class="cards" part="cards" aria-label=${s.kpiLabel} aria-busy=${data ? 'false' : 'true'}>
        ${cards.map((card) => this.renderCard(card, s, locale))}
      </ul>
      ${
        served === 'summary' && data
          ? html`<p class="note" part="note">
            ${(data.anonymous ?? 0) > 0 ? html`<span>${s.kpiIdentitiesNote}</span> ` : nothing}<span>${s.kpiActivityDefinition}</span>
          </p>`
          : nothing
      }
      ${
        this.showUpdated
          ? html`<div class="footer">
            <dozor-last-updated
              .updatedAt=${this.summary.updatedAt}
              .refreshing=${this.summary.loading && data !== undefined}
              @dozor-refresh-request=${(event: Event) => {
                event.stopPropagation();
                this.refresh();
              }}
            ></dozor-last-updated>
          </div>`
          : nothing
      }`;
  }

  private renderCard(card: Card, s: KpiStripStrings, locale: string): TemplateResult {
    const kpi = card.key === 'new' || !this.filterable(card.key) ? undefined : card.key;
    const selected = kpi !== undefined && this.channel.channel?.quickFilter?.kpi === kpi;
    const content = html`<span class="label" part="label">
        ${card.key === 'online' ? html`<span class="live" aria-hidden="true"></span>` : nothing}${card.label}
        ${selected ? html`<span class="check" aria-hidden="true">✓</span>` : nothing}
      </span>
      ${
        card.value === undefined
          ? html`<span class="skeleton value" aria-hidden="true"></span><span class="visually-hidden">${s.kpiLoading}</span>`
          : html`<span class="value" part="value">${formatCount(card.value, locale)}</span>`
      }
      <span class="hint" part="hint">${card.hint}</span>`;
    return html`<li class="card ${selected ? 'selected' : ''}" part="card card-${card.key}${selected ? ' selected' : ''}">
      ${
        kpi
          ? html`<button class="card-button" part="card-button" type="button" aria-pressed=${selected ? 'true' : 'false'} @click=${() => this.choose(kpi, selected)}>
            ${content}
          </button>`
          : content
      }
    </li>`;
  }

  /** True when the backend can filter the list the way the card counts. */
  private filterable(kpi: KpiId): boolean {
    const filters = this.resolvedBackend?.capabilities.filters;
    if (!filters) return true;
    if (kpi === 'online' || kpi === 'active') return filters.statuses;
    if (kpi === 'identified') return filters.identities.length > 1;
    return true;
  }

  /** Fires `dozor-kpi-select`; unless cancelled, the list on the page applies it. A pressed card is released instead. */
  private choose(kpi: KpiId, selected: boolean): void {
    const channel = this.channel.channel;
    if (selected) {
      channel?.selectKpi(undefined);
      return;
    }
    const selection = kpiSelection(kpi);
    if (this.emit('dozor-kpi-select', selection, { cancelable: true })) channel?.selectKpi(selection);
  }

  private weekChange(data: Partial<TrackedUsersSummary> | undefined, s: KpiStripStrings): string | TemplateResult {
    const previous = data?.newPreviousWeek;
    const current = data?.newThisWeek;
    if (current === undefined || previous === undefined) return s.kpiNewThisWeekHint;
    if (previous === 0) return current === 0 ? s.kpiNewThisWeekHint : s.kpiNoPreviousWeek;
    const change = (current - previous) / previous;
    const up = change >= 0;
    return html`<span class=${up ? 'up' : 'down'}>${s.kpiChange(change, this.numbers)}</span>`;
  }
}

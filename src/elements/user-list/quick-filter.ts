import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { UserStatus } from '../../core/index.js';
import type { IdentityFilter } from '../../backend/index.js';
import { ListChannelController, type KpiId, type KpiSelection, type ListChannel } from '../shared/list-channel.js';

/** The quick-filter chip's English strings. */
export const QUICK_FILTER_STRINGS = {
  quickFilterLabels: { total: 'All tracked users', online: 'Online now', active: 'Active 24h', identified: 'Identified' } satisfies Record<
    KpiId,
    string
  >,
  /** The chip's remove button. */
  removeQuickFilter: (label: string) => `Remove the quick filter ${label}`,
};
export type QuickFilterStrings = typeof QUICK_FILTER_STRINGS;

type StatusFilters = { statuses: readonly UserStatus[]; identity: IdentityFilter };

export interface QuickFilterOptions {
  channel: () => ListChannel | undefined;
  /** The list's status and identity filters now. */
  filters: () => StatusFilters;
  apply: (filters: StatusFilters) => void;
}

/**
 * A KPI card's filter on the list: applied when the card is chosen (through the provider's channel,
 * or by the host with `applyQuickFilter`), shown as a removable chip while the list's filters are
 * still the card's, and let go once the viewer changes them.
 */
export class QuickFilter implements ReactiveController {
  private applied: KpiSelection | undefined;
  private readonly channel: ListChannelController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: QuickFilterOptions,
  ) {
    this.channel = new ListChannelController(host, options.channel, () => this.follow());
    host.addController(this);
  }

  /** Puts the card's filters on the list (undefined: back to any status, identified users); the strip shows the card pressed. */
  apply(selection: KpiSelection | undefined): void {
    this.applied = selection;
    this.options.apply(selection ? selection.query : { statuses: [], identity: 'identified' });
    this.channel.channel?.selectKpi(selection);
    this.host.requestUpdate();
  }

  /** The applied quick filter, while the list's filters still are the card's. */
  get active(): KpiSelection | undefined {
    const applied = this.applied;
    if (!applied) return undefined;
    const { statuses, identity } = this.options.filters();
    const wanted = applied.query.statuses;
    return identity === applied.query.identity && statuses.length === wanted.length && statuses.every((s) => wanted.includes(s))
      ? applied
      : undefined;
  }

  hostUpdated(): void {
    // The viewer changed the filters: the card no longer stands for what the list shows.
    if (this.applied && !this.active) {
      this.applied = undefined;
      this.channel.channel?.selectKpi(undefined);
    }
  }

  private follow(): void {
    const selected = this.channel.channel?.quickFilter;
    if (selected?.kpi === this.applied?.kpi) return;
    if (selected || this.applied) this.apply(selected);
  }

  render(s: QuickFilterStrings): TemplateResult | typeof nothing {
    const active = this.active;
    if (!active) return nothing;
    const label = s.quickFilterLabels[active.kpi];
    return html`<span class="chip" part="quick-filter">
      <span>${label}</span>
      <button class="move" part="button remove-quick-filter-button" type="button" aria-label=${s.removeQuickFilter(label)} @click=${this.remove}>✕</button>
    </span>`;
  }

  private readonly remove = (): void => this.apply(undefined);
}

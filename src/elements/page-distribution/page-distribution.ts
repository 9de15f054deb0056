import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  DEFAULT_ACTIVITY_RANGE,
  clipText,
  PAGE_DISTRIBUTION_INITIAL,
  PAGE_DISTRIBUTION_MAX,
  PAGE_DISTRIBUTION_STEP,
  clampPageLimit,
  formatCount,
  formatDuration,
  formatPercent,
  isActivityRange,
  pageColor,
  type ActivityRange,
  type LocaleNumbers,
  type PageDistributionRow,
} from '../../core/index.js';
import type { UserActivity } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { ScrollRegionController } from '../shared/scroll-region.js';
import { TableColumnFit } from '../shared/table-column-fit.js';
import { StandaloneFetch } from '../shared/standalone-fetch.js';
import { renderCard, renderLoadingCard } from '../shared/card-view.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, pagePaletteStyles, tableStyles } from '../shared/block-styles.js';
import { pageDistributionStyles } from './page-distribution.styles.js';
import { styleProperties } from '../shared/style-properties.js';

/** The page distribution's English strings; their type is `PageDistributionStrings`. */
export const PAGE_DISTRIBUTION_STRINGS = {
  pagesTitle: 'Pages',
  pagesLoading: 'Loading pages…',
  pagesEmpty: 'No page visits in this range.',
  /** The header's "{shown} / {total} unique". */
  pagesUniqueCount: (shown: number, total: number, n: LocaleNumbers) =>
    `${n.number(shown)} / ${n.plural(total, { one: '# unique page', other: '# unique pages' })}`,
  pagesIndexColumn: '#',
  pagesPageColumn: 'Page',
  pagesTimeColumn: 'Time',
  pagesShareColumn: 'Share',
  pagesVisitsColumn: 'Visits',
  /** "Show more (10)": how many more rows the next step adds. */
  pagesShowMore: (count: number, n: LocaleNumbers) => `Show more (${n.number(count)})`,
  pagesShowLess: 'Show less',
  pagesLoadingMore: 'Loading…',
};

/** The page distribution's strings (every key of its English table). */
export type PageDistributionStrings = typeof PAGE_DISTRIBUTION_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends PageDistributionStrings {}
}

type Strings = PageDistributionStrings & CommonStrings;

/**
 * Where the user spent the range: one row per page (pathname), longest time first, with a color
 * dot, the time, the share of all time in the range (with a bar) and the visits. It shows
 * `page-limit` rows (5 by default); "Show more" adds 10 up to 500 and "Show less" removes 10.
 * Pathnames are shown as text, never as links.
 *
 * Give it `.data` (the backend's `UserActivity`): a limit change then fires
 * `dozor-page-limit-change` and the owner refetches with the new limit (as `<dozor-user-profile>`
 * does). Alone, with a `user-id` and a backend (its own `.backend` or `<dozor-provider>`'s) and no
 * `.data`, it fetches the activity for `range` and `page-limit` itself.
 *
 * @tagname dozor-page-distribution
 * @summary Page distribution table.
 * @fires dozor-page-limit-change - {pageLimit} when "Show more" / "Show less" changes the limit; cancelable (cancel to keep the current limit).
 * @fires dozor-error - {error, operation} when its own request fails (standalone mode only).
 * @csspart card - the card.
 * @csspart table - the table.
 * @csspart header-cell - each column header.
 * @csspart row - each page row.
 * @csspart cell - each cell.
 * @csspart dot - the page's color dot.
 * @csspart bar - the share bar.
 * @csspart button - "Show more" / "Show less" (`button show-more`, `button show-less`).
 * @csspart empty - the "No page visits in this range." box.
 * @csspart error - the error state; `button retry-button` its retry button.
 * @cssprop --dozor-page-color-0 - …through --dozor-page-color-9: the page palette.
 * @cssprop --dozor-chart-bar - the share bars.
 * @cssprop --dozor-chart-empty - the share bars' track.
 * @cssprop --dozor-surface - the card background.
 * @cssprop --dozor-border - the card and row borders.
 * @cssprop --dozor-font-mono - pathnames.
 */
export class DozorPageDistribution extends DozorElement {
  static override styles = [tokens, baseStyles, cardStyles, tableStyles, pagePaletteStyles, pageDistributionStyles];

  /** The activity whose `pageDistribution` is shown; undefined shows the loading state. */
  @property({ attribute: false }) data: UserActivity | undefined;

  /** The range (a change resets the limit to 5; standalone mode fetches it): `6h`, `24h` (default) or `7d`. */
  @property({ reflect: true }) range: ActivityRange = DEFAULT_ACTIVITY_RANGE;

  /** How many rows are shown (and requested in standalone mode): 5 by default, at most 500. */
  @property({ type: Number, attribute: 'page-limit' }) pageLimit = PAGE_DISTRIBUTION_INITIAL;

  /** Standalone mode: the tracked user whose activity is fetched when no `.data` is given. */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  private readonly scrollRegion = new ScrollRegionController(this, 'title');
  private readonly columnFit = new TableColumnFit(this, {
    table: () => this.renderRoot.querySelector('table'),
    locale: () => this.resolvedLocale,
    columns: ['col-time', 'col-share', 'col-visits'],
  });
  private readonly fetcher = new StandaloneFetch<UserActivity, { range: ActivityRange; pageLimit: number }>(this, this.resolved, {
    operation: 'getActivity',
    given: () => this.data,
    query: () => ({ range: this.range, pageLimit: this.limit }),
    // Fewer rows than already loaded need no request: the table just shows fewer.
    queryEqual: (loaded, wanted) => loaded.range === wanted.range && wanted.pageLimit <= loaded.pageLimit,
    fetch: (backend, userId, query, signal) => backend.getActivity(userId, query, { signal }),
  });

  /** Refetches in standalone mode (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  private get activity(): UserActivity | undefined {
    return this.data ?? this.fetcher.value;
  }

  private get limit(): number {
    return clampPageLimit(this.pageLimit);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!isActivityRange(this.range)) this.range = DEFAULT_ACTIVITY_RANGE;
    // A new range starts again from the first rows, as the profile does.
    if (changed.has('range') && changed.get('range') !== undefined && !changed.has('pageLimit')) this.pageLimit = PAGE_DISTRIBUTION_INITIAL;
  }

  override render() {
    const s: Strings = this.resolveStrings(PAGE_DISTRIBUTION_STRINGS);
    const activity = this.activity;
    if (!activity) {
      const look = { title: s.pagesTitle, loading: s.pagesLoading, skeleton: PAGE_DISTRIBUTION_INITIAL, metaSkeleton: true };
      return renderLoadingCard(look, this.fetcher, s, this.numbers);
    }
    const limit = this.limit;
    const rows = (activity.pageDistribution ?? []).slice(0, limit);
    const total = uniquePages(activity);
    const refreshing = this.fetcher.refreshing;
    if (rows.length === 0 && !total) {
      return renderCard(s.pagesTitle, html`<p class="empty" part="empty">${s.pagesEmpty}</p>`, nothing, refreshing);
    }
    const fit = this.columnFit;
    const meta = total === undefined ? nothing : html`<span class="meta">${s.pagesUniqueCount(rows.length, total, this.numbers)}</span>`;
    return renderCard(
      s.pagesTitle,
      html`<div class="scroll">
          <table part="table" aria-labelledby="title" ${styleProperties({ '--_fit-added': fit.added })}>
            <colgroup>
              <col class="col-index" />
              <col />
              <col class="col-time" ${styleProperties({ '--_fit': fit.width('col-time') })} />
              <col class="col-share" ${styleProperties({ '--_fit': fit.width('col-share') })} />
              <col class="col-visits" ${styleProperties({ '--_fit': fit.width('col-visits') })} />
            </colgroup>
            <thead>
              <tr>
                <th part="header-cell" scope="col" class="num">${s.pagesIndexColumn}</th>
                <th part="header-cell" scope="col">${s.pagesPageColumn}</th>
                <th part="header-cell" scope="col" class="num">${s.pagesTimeColumn}</th>
                <th part="header-cell" scope="col" class="num">${s.pagesShareColumn}</th>
                <th part="header-cell" scope="col" class="num">${s.pagesVisitsColumn}</th>
              </tr>
            </thead>
            <tbody>
              ${rows.map((row, i) => this.renderRow(row, i))}
            </tbody>
          </table>
        </div>
        ${this.renderActions(rows.length, total, s)}`,
      meta,
      refreshing,
    );
  }

  private renderRow(row: PageDistributionRow, index: number): TemplateResult {
    const locale = this.resolvedLocale;
    const share = Number.isFinite(row.share) ? Math.min(1, Math.max(0, row.share)) : 0;
    return html`<tr part="row">
      <td part="cell" class="num index">${formatCount(index + 1, locale)}</td>
      <th part="cell" scope="row">
        <span class="page">
          <span class="dot" part="dot" aria-hidden="true" ${styleProperties({ '--_dot': `var(--_page-${pageColor(row.pathname)})` })}></span>
          <span class="path" title=${clipText(row.pathname)}>${clipText(row.pathname)}</span>
        </span>
      </th>
      <td part="cell" class="num duration">${formatDuration(row.duration, this.resolvedLocale)}</td>
      <td part="cell" class="num">
        <span class="share">
          <span class="bar" part="bar" aria-hidden="true"><span ${styleProperties({ '--_share': `${share * 100}%` })}></span></span>
          <span class="share-value">${formatPercent(share, locale)}</span>
        </span>
      </td>
      <td part="cell" class="num">${formatCount(row.visits, locale)}</td>
    </tr>`;
  }

  private renderActions(loaded: number, total: number | undefined, s: Strings): TemplateResult {
    const limit = this.limit;
    // Without a total from the backend, a full page means there may be more.
    const remaining = total === undefined ? (loaded >= limit ? PAGE_DISTRIBUTION_STEP : 0) : Math.max(0, total - limit);
    const more = Math.min(PAGE_DISTRIBUTION_STEP, remaining, PAGE_DISTRIBUTION_MAX - limit);
    // The owner is fetching the rows of a higher limit.
    const pending = total !== undefined && loaded < Math.min(limit, total);
    return html`<div class="actions">
      ${
        more > 0 || pending
          ? html`<button
            class="button"
            part="button show-more"
            type="button"
            aria-disabled=${pending ? 'true' : 'false'}
            aria-busy=${pending ? 'true' : 'false'}
            @click=${this.showMore}
          >
            ${pending ? s.pagesLoadingMore : s.pagesShowMore(more, this.numbers)}
          </button>`
          : nothing
      }
      ${
        limit > PAGE_DISTRIBUTION_INITIAL
          ? html`<button class="button" part="button show-less" type="button" @click=${this.showLess}>${s.pagesShowLess}</button>`
          : nothing
      }
    </div>`;
  }

  private showMore(event: Event): void {
    // While the rows of the last step load, the button stays focusable but does nothing.
    if ((event.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
    this.changeLimit(Math.min(this.limit + PAGE_DISTRIBUTION_STEP, PAGE_DISTRIBUTION_MAX));
  }

  private showLess(): void {
    const next = Math.max(this.limit - PAGE_DISTRIBUTION_STEP, PAGE_DISTRIBUTION_INITIAL);
    this.changeLimit(next);
    // The button under the pointer may disappear; keep focus in the card.
    void this.updateComplete.then(() => {
      const target =
        this.renderRoot.querySelector<HTMLButtonElement>('[part~="show-less"]') ??
        this.renderRoot.querySelector<HTMLButtonElement>('[part~="show-more"]');
      if (target && !(this.renderRoot as ShadowRoot).activeElement) target.focus();
    });
  }

  private changeLimit(pageLimit: number): void {
    if (pageLimit === this.limit) return;
    if (!this.emit('dozor-page-limit-change', { pageLimit }, { cancelable: true })) return;
    this.pageLimit = pageLimit;
  }
}

/** All pages of the range (`summary.uniquePages`), or undefined when the backend does not say. */
function uniquePages(activity: UserActivity): number | undefined {
  const rows = activity.pageDistribution?.length ?? 0;
  const served = activity.summary?.uniquePages;
  return typeof served === 'number' && Number.isFinite(served) && served >= rows ? served : undefined;
}

import { html, nothing, type TemplateResult } from 'lit';
import { type ActivityChartModel, formatCount, formatDateTime, localeNumbers, type LocaleNumbers } from '../../core/index.js';
import { styleProperties } from '../shared/style-properties.js';

/** The bucket texts' English strings (spread into `ACTIVITY_CHART_STRINGS`); their type is `BucketTextStrings`. */
export const BUCKET_TEXT_STRINGS = {
  /** The header's total, e.g. "1,234 events", with the count formatted through `n`. */
  activityChartEvents: (count: number, n: LocaleNumbers) => n.plural(count, { one: '# event', other: '# events' }),
  /** A bucket's time range; both ends are already localized. */
  activityChartBucketRange: (start: string, end: string) => `${start}–${end}`,
  activityChartTopPages: 'Top pages',
  activityChartTableCaption: 'Events per time bucket',
  activityChartTimeColumn: 'Time',
  activityChartEventsColumn: 'Events',
  /** One top page in the text alternative: "/pricing: 12". */
  activityChartPageCount: (pathname: string, count: number, n: LocaleNumbers) => `${pathname}: ${n.number(count)}`,
};

/** The bucket texts' strings (every key of their English table). */
export type BucketTextStrings = typeof BUCKET_TEXT_STRINGS;

/** A bucket's bounds in its tooltip and table; the day too where a time of day repeats (24 h, 7 d). */
const BUCKET_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const BUCKET_DAY_TIME: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', ...BUCKET_TIME };

/** "14:00–14:15", with the day first on the 24 h and 7 d ranges (where a time of day repeats). */
function bucketRange(model: ActivityChartModel, start: number, s: BucketTextStrings, locale: string): string {
  const first = model.range === '6h' ? BUCKET_TIME : BUCKET_DAY_TIME;
  return s.activityChartBucketRange(formatDateTime(start, first, locale), formatDateTime(start + model.bucketMs, BUCKET_TIME, locale));
}

const pageCounts = (model: ActivityChartModel, index: number, s: BucketTextStrings, locale: string) =>
  model.grid[index]!.byPage.map((page) => s.activityChartPageCount(page.pathname, page.count, localeNumbers(locale))).join(', ');

/** The tooltip of one slot: its time range, event count and top pages, placed over its bar. */
export function renderBucketTooltip(model: ActivityChartModel, index: number, s: BucketTextStrings, locale: string): TemplateResult {
  const bucket = model.grid[index]!;
  const start = model.starts[index]!;
  const span = model.max - model.min;
  const center = (start + model.bucketMs / 2 - model.min) / span;
  const shift = center < 0.25 ? '0%' : center > 0.75 ? '-100%' : '-50%';
  // eslint-disable-next-line lit-a11y/accessible-name -- a tooltip is named by its content (ARIA: name from content)
  return html`<div id="tooltip" class="tooltip" part="tooltip" role="tooltip" ${styleProperties({ '--_x': String(center), '--_shift': shift })}>
    <div class="tooltip-time">${bucketRange(model, start, s, locale)}</div>
    <div class="tooltip-count">${s.activityChartEvents(bucket.total, localeNumbers(locale))}</div>
    ${
      bucket.byPage.length > 0
        ? html`<ul aria-label=${s.activityChartTopPages}>
          ${bucket.byPage.map(
            (page) =>
              html`<li><span class="path" title=${page.pathname}>${page.pathname}</span><span class="num">${formatCount(page.count, locale)}</span></li>`,
          )}
        </ul>`
        : nothing
    }
  </div>`;
}

/** The tooltip as one sentence, announced when the keyboard moves. */
export function describeBucket(model: ActivityChartModel, index: number, s: BucketTextStrings, locale: string): string {
  const bucket = model.grid[index]!;
  const parts = [bucketRange(model, model.starts[index]!, s, locale), s.activityChartEvents(bucket.total, localeNumbers(locale))];
  if (bucket.byPage.length > 0) parts.push(`${s.activityChartTopPages}: ${pageCounts(model, index, s, locale)}`);
  return parts.join('. ');
}

/** The text alternative: every bucket with events, its count and its top pages. */
export function renderBucketTable(model: ActivityChartModel, s: BucketTextStrings, locale: string): TemplateResult {
  return html`<div class="visually-hidden">
    <table>
      <caption>${s.activityChartTableCaption}</caption>
      <thead>
        <tr>
          <th scope="col">${s.activityChartTimeColumn}</th>
          <th scope="col">${s.activityChartEventsColumn}</th>
          <th scope="col">${s.activityChartTopPages}</th>
        </tr>
      </thead>
      <tbody>
        ${model.active.map(
          (i) => html`<tr>
            <th scope="row">${bucketRange(model, model.starts[i]!, s, locale)}</th>
            <td>${formatCount(model.grid[i]!.total, locale)}</td>
            <td>${pageCounts(model, i, s, locale)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

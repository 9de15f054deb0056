import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { toMsOrNull, type Timestamp } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { RelativeTimes, relativeTimeElement } from './relative-view.js';

/**
 * A time shown relative to now ("3 minutes ago") in the resolved locale, updated exactly when its
 * text would change (one timer shared by every relative time on the page, none while disconnected);
 * the exact time is the tooltip.
 *
 * @tagname dozor-relative-time
 * @summary Ticking relative time.
 * @csspart time - the `<time>` element.
 */
export class DozorRelativeTime extends DozorElement {
  static override styles = [
    tokens,
    baseStyles,
    css`
      :host {
        display: inline;
      }
    `,
  ];

  /** The moment to show: an ISO string or ms since epoch. Missing or invalid shows the empty value. */
  @property() datetime: Timestamp | null | undefined;

  private readonly times = new RelativeTimes(this);
  /** The `<time>` shown: a tick changes its words in place, another moment or locale builds another. */
  private shown: { ms: number; locale: string; time: HTMLTimeElement } | undefined;

  override render() {
    const ms = toMsOrNull(this.datetime ?? null);
    if (ms === null) return html`<span part="time">${this.resolveStrings({}).emptyValue}</span>`;
    const locale = this.resolvedLocale;
    const relative = this.times.text(ms, Date.now(), locale);
    const { shown } = this;
    if (shown?.ms === ms && shown.locale === locale) {
      if (shown.time.textContent !== relative) shown.time.textContent = relative;
      return shown.time;
    }
    this.shown = { ms, locale, time: relativeTimeElement(ms, relative, locale) };
    return this.shown.time;
  }
}

import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { formatDateTime, formatRelative, nextRelativeChangeMs, toMsOrNull, type Timestamp } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cancelWake, wakeAt } from './relative-clock.js';

const EXACT_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

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

  private readonly wake = () => this.requestUpdate();

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.schedule();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelWake(this.wake);
  }

  override updated(): void {
    this.schedule();
  }

  override render() {
    const ms = toMsOrNull(this.datetime ?? null);
    if (ms === null) return html`<span part="time">${this.resolveStrings({}).emptyValue}</span>`;
    const locale = this.resolvedLocale;
    const exact = formatDateTime(ms, EXACT_FORMAT, locale);
    return html`<time part="time" datetime=${new Date(ms).toISOString()} title=${exact}>${formatRelative(ms, Date.now(), locale)}</time>`;
  }

  private schedule(): void {
    const ms = toMsOrNull(this.datetime ?? null);
    if (ms === null || !this.isConnected) {
      cancelWake(this.wake);
      return;
    }
    const now = Date.now();
    wakeAt(this.wake, now + nextRelativeChangeMs(ms, now));
  }
}

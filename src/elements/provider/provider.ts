import { html, LitElement, css, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import { assertThresholds, type StatusThresholds } from '../../core/index.js';
import type { DozorBackend, Role } from '../../backend/index.js';
import { dozorConfigContext, type DozorConfig, type ThemeSetting } from '../shared/context.js';
import type { DozorStrings } from '../shared/strings.js';
import { ListChannel } from '../shared/list-channel.js';

/**
 * Shares one configuration with every dozor element inside it: the backend, locale, role, status
 * thresholds, link templates, refresh interval, theme and strings. Each element may still override
 * any of them with its own property. Renders its children unchanged (`display: contents`). The
 * elements inside also share the users list's state: a KPI card chosen in `<dozor-kpi-strip>`
 * filters `<dozor-user-list>`, and `<dozor-user-profile>` steps through the list's order.
 *
 * @tagname dozor-provider
 * @summary Configuration for the dozor elements inside it.
 * @slot - the page content that holds dozor elements.
 */
export class DozorProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** The data source for every element inside (e.g. `createMemoryBackend()` or `createHttpBackend()`). */
  @property({ attribute: false }) backend: DozorBackend | undefined;

  /** BCP 47 locale for numbers, dates and relative times. */
  @property() locale: string | undefined;

  /**
   * The viewer's role: OWNER and ADMIN may edit display names; MEMBER and VIEWER may not. (Named
   * `viewer-role`, not `role`, which is the ARIA role of every HTML element.)
   */
  @property({ attribute: 'viewer-role' }) viewerRole: Role | undefined;

  /**
   * Status thresholds in ms (ONLINE ≤ ACTIVE_24H ≤ IDLE_7D). Setting invalid ones throws a RangeError
   * and keeps the previous value.
   */
  @property({ attribute: false })
  get thresholds(): StatusThresholds | undefined {
    return this.currentThresholds;
  }
  set thresholds(value: StatusThresholds | undefined) {
    if (value !== undefined) assertThresholds(value);
    const old = this.currentThresholds;
    this.currentThresholds = value === undefined ? undefined : { ...value };
    this.requestUpdate('thresholds', old);
  }
  private currentThresholds: StatusThresholds | undefined;

  /** Link template for a user, e.g. `/users/{id}`: rows and names become real links. */
  @property({ attribute: 'user-href' }) userHref: string | undefined;

  /** Link template for a session, e.g. `/replays/{id}`. */
  @property({ attribute: 'session-href' }) sessionHref: string | undefined;

  /** Polling interval in ms when the backend cannot push changes (0 disables polling). */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval: number | undefined;

  /** `light`, `dark` or `auto` (follows the page and `prefers-color-scheme`). */
  @property() theme: ThemeSetting | undefined;

  /** Replacement strings for every element inside (any subset), e.g. a translation. */
  @property({ attribute: false }) strings: Partial<DozorStrings> | undefined;

  private readonly provider = new ContextProvider(this, { context: dozorConfigContext, initialValue: {} });
  /** One per provider: the KPI strip's quick filter reaches the list, the list's query the profile. */
  private readonly channel = new ListChannel();

  override willUpdate(_changed: PropertyValues<this>): void {
    const config: DozorConfig = {
      backend: this.backend,
      locale: this.locale,
      role: this.viewerRole,
      thresholds: this.thresholds,
      userHref: this.userHref,
      sessionHref: this.sessionHref,
      refreshInterval: this.refreshInterval,
      theme: this.theme,
      strings: this.strings,
      channel: this.channel,
    };
    this.provider.setValue(config);
  }

  override render() {
    return html`<slot></slot>`;
  }
}

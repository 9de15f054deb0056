import { css, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { deriveStatus, parseStatus, type Timestamp, type UserStatus } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';

/**
 * A user's activity status: a colored dot, the label and (as a tooltip and for screen readers) what
 * it means. Give it `status`, or `last-event-at` and it derives the status with the provider's thresholds.
 *
 * @tagname dozor-status-badge
 * @summary Activity status badge (Online, Active, Idle, Dormant).
 * @csspart badge - the badge.
 * @csspart dot - the colored dot.
 * @csspart label - the status label.
 * @cssprop --dozor-status-online-dot - dot color of ONLINE (also -active-dot, -idle-dot, -dormant-dot).
 * @cssprop --dozor-status-online - label color of ONLINE (also -active, -idle, -dormant).
 */
export class DozorStatusBadge extends DozorElement {
  static override styles = [
    tokens,
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      .badge {
        display: inline-flex;
        align-items: center;
        gap: 6px;
        white-space: nowrap;
        font-weight: 500;
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        flex: none;
      }
      .ONLINE { color: var(--_status-online); }
      .ONLINE .dot { background: var(--_status-online-dot); box-shadow: 0 0 0 3px color-mix(in srgb, var(--_status-online-dot) 25%, transparent); }
      .ACTIVE_24H { color: var(--_status-active); }
      .ACTIVE_24H .dot { background: var(--_status-active-dot); }
      .IDLE_7D { color: var(--_status-idle); }
      .IDLE_7D .dot { background: var(--_status-idle-dot); }
      .DORMANT { color: var(--_status-dormant); }
      .DORMANT .dot { background: var(--_status-dormant-dot); }
    `,
  ];

  /** `ONLINE`, `ACTIVE_24H`, `IDLE_7D` or `DORMANT`; wins over `lastEventAt`. Unknown values are ignored. */
  @property({ reflect: true }) status: UserStatus | undefined;

  /** The last event time (ISO string or ms); the status is derived from it when `status` is not set. */
  @property({ attribute: 'last-event-at' }) lastEventAt: Timestamp | null | undefined;

  /** The status shown: the explicit one when valid, else derived from `lastEventAt` now. */
  get effectiveStatus(): UserStatus {
    return parseStatus(this.status) ?? deriveStatus(this.lastEventAt ?? null, Date.now(), this.resolvedThresholds);
  }

  override render() {
    const s = this.resolveStrings({});
    const status = this.effectiveStatus;
    const description = s.statusDescriptions[status];
    return html`<span class="badge ${status}" part="badge" title=${description}>
      <span class="dot" part="dot" aria-hidden="true"></span>
      <span part="label">${s.statusLabels[status]}</span>
      ${description ? html`<span class="visually-hidden">: ${description}</span>` : nothing}
    </span>`;
  }
}

import { css } from 'lit';
import { property } from 'lit/decorators.js';
import { deriveStatus, parseStatus, type Timestamp, type UserStatus } from '../../core/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { statusBadgeStyles } from './status-badge.styles.js';
import { statusBadgeElement } from './badge-view.js';

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
    statusBadgeStyles,
    css`
      :host {
        display: inline-block;
      }
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
    return statusBadgeElement(this.effectiveStatus, this.resolveStrings({}));
  }
}

import { defineElement } from '../shared/define.js';
import { DozorStatusBadge } from './status-badge.js';

defineElement('dozor-status-badge', DozorStatusBadge);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-status-badge': DozorStatusBadge;
  }
}

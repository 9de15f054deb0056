import { defineElement } from '../shared/define.js';
import { DozorRelativeTime } from './relative-time.js';

defineElement('dozor-relative-time', DozorRelativeTime);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-relative-time': DozorRelativeTime;
  }
}

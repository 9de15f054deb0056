import { defineElement } from '../shared/define.js';
import '../relative-time/define.js';
import { DozorLastUpdated } from './last-updated.js';

defineElement('dozor-last-updated', DozorLastUpdated);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-last-updated': DozorLastUpdated;
  }
}

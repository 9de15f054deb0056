import { defineElement } from '../shared/define.js';
import { DozorRangeSelector } from './range-selector.js';

defineElement('dozor-range-selector', DozorRangeSelector);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-range-selector': DozorRangeSelector;
  }
}

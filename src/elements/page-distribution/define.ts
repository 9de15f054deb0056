import { defineElement } from '../shared/define.js';
import { DozorPageDistribution } from './page-distribution.js';

defineElement('dozor-page-distribution', DozorPageDistribution);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-page-distribution': DozorPageDistribution;
  }
}

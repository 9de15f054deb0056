import { defineElement } from '../shared/define.js';
import '../last-updated/define.js';
import { DozorKpiStrip } from './kpi-strip.js';

defineElement('dozor-kpi-strip', DozorKpiStrip);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-kpi-strip': DozorKpiStrip;
  }
}

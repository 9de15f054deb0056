import { defineElement } from '../shared/define.js';
import { DozorActivityChart } from './activity-chart.js';

defineElement('dozor-activity-chart', DozorActivityChart);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-activity-chart': DozorActivityChart;
  }
}

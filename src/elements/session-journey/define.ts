import { defineElement } from '../shared/define.js';
import { DozorSessionJourney } from './session-journey.js';

defineElement('dozor-session-journey', DozorSessionJourney);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-session-journey': DozorSessionJourney;
  }
}

import { defineElement } from '../shared/define.js';
import { DozorSessionsTimeline } from './sessions-timeline.js';

defineElement('dozor-sessions-timeline', DozorSessionsTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-sessions-timeline': DozorSessionsTimeline;
  }
}

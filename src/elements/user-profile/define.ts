import { defineElement } from '../shared/define.js';
import '../range-selector/define.js';
import '../traits-inspector/define.js';
import '../display-name-editor/define.js';
import '../activity-chart/define.js';
import '../page-distribution/define.js';
import '../sessions-timeline/define.js';
import '../sessions-table/define.js';
import '../last-updated/define.js';
import '../user-tags/define.js';
import { DozorUserProfile } from './user-profile.js';

defineElement('dozor-user-profile', DozorUserProfile);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-user-profile': DozorUserProfile;
  }
}

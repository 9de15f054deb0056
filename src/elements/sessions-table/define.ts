import { defineElement } from '../shared/define.js';
import '../relative-time/define.js';
import '../session-journey/define.js';
import { DozorSessionsTable } from './sessions-table.js';

defineElement('dozor-sessions-table', DozorSessionsTable);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-sessions-table': DozorSessionsTable;
  }
}

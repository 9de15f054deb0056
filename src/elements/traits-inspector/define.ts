import { defineElement } from '../shared/define.js';
import { DozorTraitsInspector } from './traits-inspector.js';

defineElement('dozor-traits-inspector', DozorTraitsInspector);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-traits-inspector': DozorTraitsInspector;
  }
}

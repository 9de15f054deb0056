import { defineElement } from '../shared/define.js';
import { DozorDisplayNameEditor } from './display-name-editor.js';

defineElement('dozor-display-name-editor', DozorDisplayNameEditor);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-display-name-editor': DozorDisplayNameEditor;
  }
}

import { defineElement } from '../shared/define.js';
import { DozorUserTags } from './user-tags.js';

defineElement('dozor-user-tags', DozorUserTags);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-user-tags': DozorUserTags;
  }
}

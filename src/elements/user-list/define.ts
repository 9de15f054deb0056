import { defineElement } from '../shared/define.js';
import { DozorUserList } from './user-list.js';

defineElement('dozor-user-list', DozorUserList);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-user-list': DozorUserList;
  }
}

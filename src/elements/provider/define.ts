import { defineElement } from '../shared/define.js';
import { DozorProvider } from './provider.js';

defineElement('dozor-provider', DozorProvider);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-provider': DozorProvider;
  }
}

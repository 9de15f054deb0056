import { ContextRoot } from '@lit/context';
import { defineElement } from '../shared/define.js';
import { DozorProvider } from './provider.js';

// Consumers that upgrade before their provider (markup parsed before this script) re-request the
// context once the provider appears, instead of keeping no configuration.
const ROOT_MARK = Symbol.for('dozor-elements.context-root');
const root = document.documentElement as HTMLElement & { [ROOT_MARK]?: true };
if (!root[ROOT_MARK]) {
  new ContextRoot().attach(root);
  root[ROOT_MARK] = true;
}

defineElement('dozor-provider', DozorProvider);

declare global {
  interface HTMLElementTagNameMap {
    'dozor-provider': DozorProvider;
  }
}

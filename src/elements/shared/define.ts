import { ContextRoot } from '@lit/context';

const ROOT_MARK = Symbol.for('dozor-elements.context-root');

/**
 * Consumers that upgrade before their provider (markup parsed before the provider's script, or the
 * per-element entry points imported in any order) re-request the context once the provider appears,
 * instead of keeping no configuration. Attached once per document, whichever element registers first.
 */
function attachContextRoot(): void {
  const root = document.documentElement as HTMLElement & { [ROOT_MARK]?: true };
  if (root[ROOT_MARK]) return;
  new ContextRoot().attach(root);
  root[ROOT_MARK] = true;
}

/**
 * Registers a tag once. A second registration of the same class is a no-op, and a different class
 * under a taken name is skipped with a warning, so two bundles embedding the library on one page
 * do not throw.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  attachContextRoot();
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, elementClass);
  } else if (existing !== elementClass) {
    console.warn(`dozor-elements: <${tagName}> is already defined by another copy of the library; keeping the first.`);
  }
}

/**
 * Registers a tag once. A second registration of the same class is a no-op, and a different class
 * under a taken name is skipped with a warning, so two bundles embedding the library on one page
 * do not throw.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  const existing = customElements.get(tagName);
  if (existing === undefined) {
    customElements.define(tagName, elementClass);
  } else if (existing !== elementClass) {
    console.warn(`dozor-elements: <${tagName}> is already defined by another copy of the library; keeping the first.`);
  }
}

/**
 * An element built by DOM calls (no markup is parsed, so untrusted text stays text): the list's rows,
 * where a template instance per cell cost more than the DOM itself.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> | null,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attributes) {
    for (const name in attributes) node.setAttribute(name, attributes[name]!);
  }
  if (children.length > 0) node.append(...children);
  return node;
}

/** The screen-reader-only text that follows a visible one (a badge's description, a chip's reason). */
export function visuallyHidden(text: string): HTMLSpanElement {
  return element('span', { class: 'visually-hidden' }, text);
}

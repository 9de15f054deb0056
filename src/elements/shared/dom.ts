/** An element's attributes: a value of `false` leaves the attribute out. */
export type Attributes = Readonly<Record<string, string | false>>;

/**
 * An element built by DOM calls (no markup is parsed, so untrusted text stays text): the list's rows,
 * where a template instance per cell cost more than the DOM itself.
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes | null,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attributes) {
    for (const name in attributes) {
      const value = attributes[name];
      if (value !== false) node.setAttribute(name, value!);
    }
  }
  if (children.length > 0) node.append(...children);
  return node;
}

/** The screen-reader-only text that follows a visible one (a badge's description, a chip's reason). */
export function visuallyHidden(text: string): HTMLSpanElement {
  return element('span', { class: 'visually-hidden' }, text);
}

import { noChange, type ElementPart } from 'lit';
import { Directive, directive, PartType, type PartInfo } from 'lit/directive.js';

/** CSS property names (`left`, `--_lane`, …) to values; `undefined` removes the property. */
export type StyleProperties = Readonly<Record<string, string | undefined>>;

/**
 * Sets inline style properties through the CSSOM, on the first render too, so the elements work under a
 * Content-Security-Policy without `'unsafe-inline'` styles (Lit's `styleMap` writes its first value as a
 * `style` attribute, which such a policy blocks). Use it as an element binding: `<span ${styleProperties({…})}>`.
 */
class StylePropertiesDirective extends Directive {
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() is an element binding: <div ${styleProperties({...})}>');
  }

  render(_properties: StyleProperties): unknown {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [StyleProperties]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.applied) {
      if (properties[name] === undefined) style.removeProperty(name);
    }
    this.applied = new Set();
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      style.setProperty(name, value);
      this.applied.add(name);
    }
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);

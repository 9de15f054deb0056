// The library build minifies the elements' css`…` templates (scripts/lit-templates.mjs). Here, in Chromium,
// each element's stylesheet and its minified text parse to the same rules: the same selectors, conditions,
// keyframes and declarations (a custom property, or a value with var(), keeps its tokens as written until
// used, so those are compared without the spaces beside commas, which no property reads).
import { expect } from '@open-wc/testing';
import type { CSSResult, LitElement } from 'lit';
import * as dozor from '../../src/index.js';
import { minifyCssTemplate } from '../../scripts/lit-templates.mjs';

const declarations = (style: CSSStyleDeclaration) =>
  Array.from(style, (name) => {
    const value = style.getPropertyValue(name);
    return `${name}:${name.startsWith('--') || value.includes('var(') ? value.trim().replace(/\s*,\s*/g, ',') : value}${style.getPropertyPriority(name) ? ' !important' : ''}`;
  });

const rulesOf = (rules: CSSRuleList): unknown[] =>
  Array.from(rules, (rule) => {
    if (rule instanceof CSSStyleRule)
      return { selector: rule.selectorText, style: declarations(rule.style), rules: rulesOf(rule.cssRules) };
    if (rule instanceof CSSConditionRule) return { condition: rule.conditionText, rules: rulesOf(rule.cssRules) };
    if (rule instanceof CSSKeyframesRule)
      return {
        keyframes: rule.name,
        frames: Array.from(rule.cssRules, (frame) => [(frame as CSSKeyframeRule).keyText, declarations((frame as CSSKeyframeRule).style)]),
      };
    return rule.cssText;
  });

const parse = (text: string) => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(text);
  return rulesOf(sheet.cssRules);
};

const elements = Object.entries(dozor as Record<string, unknown>).filter(
  (entry): entry is [string, typeof LitElement] => typeof entry[1] === 'function' && 'elementStyles' in entry[1],
);

describe('minified stylesheets', () => {
  it('covers every element', () => {
    expect(elements.length).to.be.at.least(16);
  });

  for (const [name, element] of elements) {
    it(`${name}: the minified stylesheet has the same rules`, () => {
      const results = element.elementStyles.filter((style): style is CSSResult => 'cssText' in style);
      expect(results.length).to.be.greaterThan(0);
      for (const result of results) {
        const minified = minifyCssTemplate([result.cssText])?.[0] ?? '';
        expect(minified.length, 'minified').to.be.within(1, result.cssText.length - 1);
        const rules = parse(result.cssText);
        expect(rules.length).to.be.greaterThan(0);
        expect(parse(minified)).to.deep.equal(rules);
      }
    });
  }
});

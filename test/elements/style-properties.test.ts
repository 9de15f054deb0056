import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleProperties, type StyleProperties } from '../../src/elements/shared/style-properties.js';

const paint = (container: HTMLElement, properties: StyleProperties) =>
  render(html`<span ${styleProperties(properties)}></span>`, container);

describe('styleProperties (CSP-safe inline styles)', () => {
  it('sets properties through the CSSOM on the first render, without writing a style attribute first', () => {
    const container = document.createElement('div');
    const written: string[] = [];
    const setAttribute = Element.prototype.setAttribute;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name === 'style') written.push(value);
      setAttribute.call(this, name, value);
    };
    try {
      paint(container, { left: '25%', '--_lane': '2' });
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    const span = container.querySelector('span')!;
    expect(written).to.deep.equal([]);
    expect([span.style.left, span.style.getPropertyValue('--_lane')]).to.deep.equal(['25%', '2']);
  });

  it('removes a property that a later render leaves out or sets to undefined, and keeps the others', () => {
    const container = document.createElement('div');
    paint(container, { left: '10%', width: '5%', '--_lane': '1' });
    paint(container, { right: '30%', width: '6%', '--_lane': undefined });
    const span = container.querySelector('span')!;
    expect([span.style.left, span.style.right, span.style.width, span.style.getPropertyValue('--_lane')]).to.deep.equal([
      '',
      '30%',
      '6%',
      '',
    ]);
  });

  it('refuses to be bound as an attribute value', () => {
    const container = document.createElement('div');
    expect(() => render(html`<span style=${styleProperties({ left: '1px' })}></span>`, container)).to.throw(/element binding/);
  });
});

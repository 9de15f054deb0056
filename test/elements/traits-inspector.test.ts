import { expect, fixture, html } from '@open-wc/testing';
import { checkCopyButton } from './copy-button.js';
import '../../src/elements/traits-inspector/define.js';
import type { DozorTraitsInspector } from '../../src/elements/traits-inspector/traits-inspector.js';
import { formatTraitValue, orderTraitKeys } from '../../src/elements/traits-inspector/traits-inspector.js';
import { settled } from '../wait.js';

const root = (el: Element) => el.shadowRoot!;
const buttons = (el: Element) => [...root(el).querySelectorAll<HTMLButtonElement>('button')];

describe('<dozor-traits-inspector>', () => {
  it('renders nothing for null, undefined and empty traits', async () => {
    for (const traits of [null, undefined, {}]) {
      const el = await fixture<DozorTraitsInspector>(html`<dozor-traits-inspector .traits=${traits}></dozor-traits-inspector>`);
      expect(root(el).querySelector('[part~="card"]')).to.equal(null);
    }
  });

  it('orders priority keys first, then object order, and shows four rows', async () => {
    const traits = { zeta: 1, plan: 'pro', custom: true, email: 'a@b.co', nested: { a: [1, 2] }, country: null };
    expect(orderTraitKeys(traits)).to.deep.equal(['email', 'plan', 'country', 'zeta', 'custom', 'nested']);
    const el = await fixture<DozorTraitsInspector>(html`<dozor-traits-inspector .traits=${traits}></dozor-traits-inspector>`);
    const keys = [...root(el).querySelectorAll('[part="key"]')].map((n) => n.textContent);
    const values = [...root(el).querySelectorAll('[part="value"]')].map((n) => n.textContent);
    expect(keys).to.deep.equal(['email', 'plan', 'country', 'zeta']);
    expect(values).to.deep.equal(['a@b.co', 'pro', 'null', '1']);
    expect(root(el).querySelector('[part="value"]')!.getAttribute('title')).to.equal('a@b.co');
    expect(root(el).querySelector('.count')!.textContent).to.equal('6 keys');
    expect(buttons(el)[0]!.textContent!.trim()).to.equal('Show all (6)');
    await expect(el).to.be.accessible();
  });

  it('formats values per the rendering table', () => {
    expect(formatTraitValue(null)).to.equal('null');
    expect(formatTraitValue('x')).to.equal('x');
    expect(formatTraitValue(42)).to.equal('42');
    expect(formatTraitValue(false)).to.equal('false');
    expect(formatTraitValue({ a: [1] })).to.equal('{"a":[1]}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    // A cycle is cut at the shown depth, like any deep value.
    expect(formatTraitValue(cyclic)).to.equal('{"self":{"self":{"self":{"self":{"self":{"self":"…"}}}}}}');
  });

  it('shows a 1 MB value, 5,000 keys and 10,000 levels shortened, with a truncated note', async () => {
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 10_000; i++) deep = { next: deep };
    const traits: Record<string, unknown> = { email: 'x'.repeat(1_000_000), deep };
    for (let i = 0; i < 5_000; i++) traits[`key_${i}`] = i;
    const el = await fixture<DozorTraitsInspector>(html`<dozor-traits-inspector .traits=${traits}></dozor-traits-inspector>`);
    const value = el.shadowRoot!.querySelector<HTMLElement>('[part="value"]')!;
    expect(value.textContent!.length).to.be.at.most(201);
    expect(value.title.length).to.be.at.most(201);
    expect(el.shadowRoot!.querySelector('[part="truncated"]')).to.equal(null);
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls]')!.click();
    await el.updateComplete;
    const json = el.shadowRoot!.querySelector('pre')!.textContent!;
    expect(json.length).to.be.below(20_000);
    expect(el.shadowRoot!.querySelector('[part="truncated"]')!.textContent).to.contain('Truncated');
    await expect(el).to.be.accessible();
  });

  it('toggles the pretty JSON: Show JSON / Hide JSON with 4 keys or fewer', async () => {
    const traits = { email: 'a@b.co', one: 1 };
    const el = await fixture<DozorTraitsInspector>(html`<dozor-traits-inspector .traits=${traits}></dozor-traits-inspector>`);
    const toggle = buttons(el)[0]!;
    const pre = root(el).querySelector<HTMLElement>('[part="json"]')!;
    expect(root(el).querySelector('.count')!.textContent).to.equal('2 keys');
    expect(toggle.textContent!.trim()).to.equal('Show JSON');
    expect(pre.hidden).to.equal(true);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.textContent!.trim()).to.equal('Hide JSON');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(pre.hidden).to.equal(false);
    expect(pre.textContent).to.equal(JSON.stringify(traits, null, 2));
    await expect(el).to.be.accessible();
  });

  it('copies the pretty JSON and shows Copied for 1.5 s; announces a failure', async () => {
    const traits = { email: 'a@b.co' };
    const el = await fixture<DozorTraitsInspector>(html`<dozor-traits-inspector .traits=${traits}></dozor-traits-inspector>`);
    await checkCopyButton(el, buttons(el)[1]!, () => root(el).querySelector('[role="status"]')!.textContent, {
      text: JSON.stringify(traits, null, 2),
      idle: 'Copy JSON',
      succeeded: 'Copied traits JSON to clipboard',
      failed: 'Failed to copy to clipboard',
    });
  });

  it('renders untrusted keys and values as text', async () => {
    const traits = { '<img src=x onerror=alert(1)>': '<img src=x onerror="window.__pwned=1">', url: 'javascript:alert(1)' };
    const el = await fixture<DozorTraitsInspector>(html`<dozor-traits-inspector .traits=${traits}></dozor-traits-inspector>`);
    buttons(el)[0]!.click();
    await el.updateComplete;
    await settled();
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    const values = [...root(el).querySelectorAll('[part="value"]')].map((n) => n.textContent);
    expect(values).to.include('<img src=x onerror="window.__pwned=1">');
    expect(values).to.include('javascript:alert(1)');
  });
});

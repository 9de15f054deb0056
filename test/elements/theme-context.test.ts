import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/elements/provider/define.js';
import '../../src/elements/user-list/define.js';
import '../../src/elements/kpi-strip/define.js';
import '../../src/elements/sessions-table/define.js';
import { createMemoryBackend } from '../../src/backend/index.js';
import { HOUR, MINUTE, addUser, createScenario } from './profile-fixtures.js';

type Rgba = [number, number, number, number];

function parseColor(value: string): Rgba {
  const parts = value.match(/[\d.]+/g)?.map(Number) ?? [];
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
}

/** The composed parent: through slots' and shadow roots' hosts, up to the document. */
function composedParent(node: Element): Element | null {
  if (node.assignedSlot) return node.assignedSlot;
  const parent = node.parentNode;
  if (parent instanceof ShadowRoot) return parent.host;
  return parent instanceof Element ? parent : null;
}

/** The colour painted behind `el`: its own and its ancestors' backgrounds blended over the white page. */
function backdrop(el: Element): Rgba {
  const layers: Rgba[] = [];
  for (let node: Element | null = el; node; node = composedParent(node)) {
    const color = parseColor(getComputedStyle(node).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  return layers.reduceRight<Rgba>(
    (below, [r, g, b, a]) => [r * a + below[0] * (1 - a), g * a + below[1] * (1 - a), b * a + below[2] * (1 - a), 1],
    [255, 255, 255, 1],
  );
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(el: Element): number {
  const back = backdrop(el);
  const [r, g, b, a] = parseColor(getComputedStyle(el).color);
  const fore: Rgba = [r * a + back[0] * (1 - a), g * a + back[1] * (1 - a), b * a + back[2] * (1 - a), 1];
  const [light, dark] = [luminance(fore), luminance(back)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Every dozor element rendered inside `root`'s shadow tree, at any depth. */
function nestedDozorElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (scope: ShadowRoot) => {
    for (const el of scope.querySelectorAll('*')) {
      if (el.tagName.startsWith('DOZOR-')) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

/** Elements of `el`'s shadow tree that hold visible text of their own. */
function textHolders(el: Element): Element[] {
  return [...el.shadowRoot!.querySelectorAll('*')].filter(
    (node) =>
      !node.closest('.visually-hidden') &&
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== ''),
  );
}

function expectDarkAndReadable(host: Element, tags: string[]): void {
  const nested = nestedDozorElements(host);
  for (const tag of tags)
    expect(
      nested.some((el) => el.localName === tag),
      `renders a ${tag}`,
    ).to.equal(true);
  for (const el of nested) {
    expect(el.getAttribute('data-scheme'), `${el.localName} scheme`).to.equal('dark');
    for (const text of textHolders(el)) {
      expect(contrast(text), `${el.localName} "${text.textContent!.trim()}" contrast`).to.be.at.least(4.5);
    }
  }
}

describe('theme through context', () => {
  before(() => emulateMedia({ colorScheme: 'light' }));

  it('a dark list on a light page renders dark, readable badges, tags and relative times', async () => {
    const backend = createMemoryBackend({ generate: { seed: 7, projects: 1, users: 12, days: 3 } });
    const el = await fixture<HTMLElement>(html`<dozor-user-list .backend=${backend} theme="dark"></dozor-user-list>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part="time"]').length > 0, 'rows rendered');
    el.style.width = '1600px'; // room for tag chips, not only a "+N"
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[part~="tag"]').length > 0, 'tags rendered');
    // The rows draw their badges, tags and times in the list's own shadow root.
    expect(el.getAttribute('data-scheme')).to.equal('dark');
    const texts = [...el.shadowRoot!.querySelectorAll('[part="badge"] [part="label"], [part~="tag"], [part~="more"], [part="time"]')];
    for (const part of ['badge', 'tag', 'time'])
      expect(
        texts.some((text) => text.closest(`[part~="${part}"]`)),
        `renders a ${part}`,
      ).to.equal(true);
    for (const text of texts) expect(contrast(text), `"${text.textContent!.trim()}" contrast`).to.be.at.least(4.5);
  });

  it('a dark KPI strip inside a light provider renders a dark, readable last-updated line', async () => {
    const backend = createMemoryBackend({ generate: { seed: 7, projects: 1, users: 12, days: 3 } });
    const provider = await fixture<HTMLElement>(
      html`<dozor-provider .backend=${backend} theme="light"><dozor-kpi-strip show-updated theme="dark"></dozor-kpi-strip></dozor-provider>`,
    );
    const strip = provider.querySelector('dozor-kpi-strip')!;
    await waitUntil(() => nestedDozorElements(strip).some((node) => node.localName === 'dozor-relative-time'), 'updated line rendered');
    expectDarkAndReadable(strip, ['dozor-last-updated', 'dozor-relative-time']);
  });

  it('a dark sessions table on a light page renders dark, readable relative times', async () => {
    const scenario = createScenario();
    const userId = await addUser(scenario, {
      externalId: 'user-ada',
      sessions: [
        { start: -2 * HOUR, end: -2 * HOUR + 5 * MINUTE, events: 12, path: '/a' },
        { start: -HOUR, end: -HOUR + 3 * MINUTE, events: 14, path: '/b' },
      ],
    });
    const el = await fixture<HTMLElement>(
      html`<dozor-sessions-table .backend=${scenario.backend} user-id=${userId} theme="dark"></dozor-sessions-table>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelectorAll('dozor-relative-time').length === 2, 'rows rendered');
    expectDarkAndReadable(el, ['dozor-relative-time']);
  });

  it('watches the page scheme once, however many elements follow it', async () => {
    const backend = createMemoryBackend({ generate: { seed: 7, projects: 1, users: 12, days: 3 } });
    const scenario = createScenario();
    const userId = await addUser(scenario, {
      externalId: 'user-ada',
      sessions: Array.from({ length: 6 }, (_, i) => ({
        start: -(i + 2) * HOUR,
        end: -(i + 2) * HOUR + 5 * MINUTE,
        events: 12,
        path: `/p${i}`,
      })),
    });
    const { MutationObserver: RealObserver } = window;
    const realMatchMedia = window.matchMedia;
    let observers = 0;
    let schemeQueries = 0;
    window.MutationObserver = class extends RealObserver {
      constructor(callback: MutationCallback) {
        super(callback);
        observers++;
      }
    };
    window.matchMedia = (query: string) => {
      if (query.includes('prefers-color-scheme')) schemeQueries++;
      return realMatchMedia.call(window, query);
    };
    let el: HTMLElement;
    let nested: Element[];
    try {
      el = await fixture<HTMLElement>(
        html`<div>
          <dozor-user-list .backend=${backend}></dozor-user-list>
          <dozor-sessions-table .backend=${scenario.backend} user-id=${userId}></dozor-sessions-table>
        </div>`,
      );
      const [list, table] = [el.querySelector('dozor-user-list')!, el.querySelector('dozor-sessions-table')!];
      await waitUntil(() => list.shadowRoot!.querySelectorAll('[part="row"]').length > 0, 'rows rendered');
      await waitUntil(() => table.shadowRoot!.querySelectorAll('dozor-relative-time').length === 6, 'sessions rendered');
      nested = [list, table, ...nestedDozorElements(table)];
    } finally {
      window.MutationObserver = RealObserver;
      window.matchMedia = realMatchMedia;
    }
    expect(nested.length).to.be.greaterThan(5);
    expect({ observers, schemeQueries }).to.deep.equal({ observers: 1, schemeQueries: 1 });
    expect(nested.every((node) => node.getAttribute('data-scheme') === 'light')).to.equal(true);
    document.documentElement.classList.add('dark');
    try {
      await waitUntil(() => nested.every((node) => node.getAttribute('data-scheme') === 'dark'), 'every element follows the page');
    } finally {
      document.documentElement.classList.remove('dark');
    }
    await waitUntil(() => nested.every((node) => node.getAttribute('data-scheme') === 'light'), 'and back');
  });
});

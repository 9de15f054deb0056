/**
 * On a right-to-left page, data the elements show (pathnames, ids, emails, names, project names, trait keys
 * and values) reads in its own direction: "/pricing", not "pricing/"; an id's start before its end; and a
 * value too long for its box is cut at its end, not at its start. And the elements' own layout follows the
 * page: a KPI value under its label, a table's text headers on the right and its number headers on the left.
 * Rendered under `dir="rtl"` from a memory backend, through every shadow root.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import { createMemoryBackend } from '../../src/index.js';
import { until } from '../wait.js';

/** Elements matching `selector` below `root`, through every shadow root. */
function deepAll(root: Element | ShadowRoot, selector: string, out: HTMLElement[] = []): HTMLElement[] {
  out.push(...root.querySelectorAll<HTMLElement>(selector));
  for (const element of root.querySelectorAll('*')) if (element.shadowRoot) deepAll(element.shadowRoot, selector, out);
  return out;
}

/** The box of one character of `element`'s text (`index` from the start, or from the end when negative). */
function characterBox(element: HTMLElement, index: number): DOMRect | undefined {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  while (walker.nextNode()) if ((walker.currentNode as Text).data.trim() !== '') nodes.push(walker.currentNode as Text);
  const node = index < 0 ? nodes.at(-1) : nodes[0];
  if (!node) return undefined;
  const text = node.data.trimEnd();
  const at = index < 0 ? text.length - 1 : node.data.length - node.data.trimStart().length;
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + 1);
  return range.getBoundingClientRect();
}

/** The box of everything `element` shows. */
function contentsBox(element: HTMLElement): DOMRect {
  const range = document.createRange();
  range.selectNodeContents(element);
  return range.getBoundingClientRect();
}

/** Where the elements show data: pathnames, ids, keys; names, emails, projects, trait keys and values. */
const DATA_TEXT = [
  '.path',
  '.middle-truncated',
  '.mono',
  '.subtitle',
  '.trait-value',
  '#display-name',
  '[part~="name"]',
  '[part~="project"]',
  '[part~="key"]',
  '[part~="value"]',
].join(', ');

/** A 1024 px right-to-left page with these elements under one provider, over a memory backend (`userId` its busiest user). */
async function rightToLeftPage(content: (userId: string) => TemplateResult): Promise<HTMLDivElement> {
  const backend = createMemoryBackend({ generate: { seed: 'rtl', projects: 2, users: 30, days: 7 } });
  const userId = (await backend.listUsers({ sort: 'sessions', limit: 1 })).data[0]!.id;
  return fixture<HTMLDivElement>(html`
    <div dir="rtl" style="width: 1024px">
      <dozor-provider .backend=${backend}>${content(userId)}</dozor-provider>
    </div>
  `);
}

describe('data text on a right-to-left page', () => {
  it('reads left to right where it is Latin, and a cut one keeps its start in view', async () => {
    const page = await rightToLeftPage(
      (userId) => html`<dozor-user-list columns="user,project,status,trait:company"></dozor-user-list>
        <dozor-user-profile user-id=${userId}></dozor-user-profile>`,
    );
    await until(() => {
      const found = deepAll(page, DATA_TEXT).map((element) => element.textContent ?? '');
      return (
        found.some((text) => text.startsWith('/')) &&
        found.some((text) => text.includes('@')) &&
        deepAll(page, '.middle-truncated').length > 0
      );
    }, 'the list and the profile with their data');

    const checked: string[] = [];
    for (const element of deepAll(page, DATA_TEXT)) {
      const text = (element.textContent ?? '').trim();
      if (!/^[/A-Za-z0-9]/.test(text) || text.length < 2 || element.getClientRects().length === 0) continue;
      const first = characterBox(element, 0)!;
      const last = characterBox(element, -1)!;
      const box = element.getBoundingClientRect();
      expect(getComputedStyle(element).direction, `${text}: its direction`).to.equal('ltr');
      if (first.width > 0 && last.width > 0) expect(first.left, `"${text}" starts on the left`).to.be.below(last.left);
      if (element.scrollWidth > element.clientWidth + 1) {
        expect(first.left, `"${text}" is cut at its end`).to.be.at.least(box.left - 1);
      }
      checked.push(text);
    }
    expect(checked.some((text) => text.startsWith('/'))).to.equal(true);
    expect(checked.filter((text) => text.includes('@')).length).to.be.greaterThan(5);
    await expect(page.querySelector('dozor-user-list')).to.be.accessible();
  });

  it('lays the cards and tables out from the right: a KPI value under its label, a table header over its cells', async () => {
    const page = await rightToLeftPage(
      (userId) => html`<dozor-kpi-strip></dozor-kpi-strip>
        <dozor-page-distribution user-id=${userId} range="7d"></dozor-page-distribution>`,
    );
    const values = () => deepAll(page, '[part~="value"]').filter((value) => value.closest('.card-button'));
    const table = () => deepAll(page, 'table')[0];
    await until(() => values().length >= 4 && table()?.querySelector('tbody tr') != null, 'the cards and the pages table');

    for (const value of values()) {
      const label = value.closest('.card-button')!.querySelector<HTMLElement>('[part~="label"]')!;
      const name = label.textContent!.trim();
      expect(
        Math.abs(contentsBox(value).right - label.getBoundingClientRect().right),
        `${name}: its value starts under its label`,
      ).to.be.below(2);
    }
    const headers = [...table()!.querySelectorAll<HTMLElement>('thead th')].filter((header) => contentsBox(header).width > 0);
    expect(headers.length).to.be.greaterThan(2);
    for (const header of headers) {
      const box = header.getBoundingClientRect();
      const { paddingLeft, paddingRight } = getComputedStyle(header);
      const text = contentsBox(header);
      // A text column starts on the right; a number column ends on the left, as in a right-to-left table.
      const numeric = header.classList.contains('num');
      const gap = numeric ? text.left - (box.left + parseFloat(paddingLeft)) : box.right - parseFloat(paddingRight) - text.right;
      expect(Math.abs(gap), `${header.textContent!.trim()} at its ${numeric ? 'end' : 'start'}`).to.be.below(2);
    }
  });
});

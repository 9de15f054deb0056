import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/page-distribution/define.js';
import type { DozorPageDistribution } from '../../src/elements/page-distribution/page-distribution.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/backend/memory/index.js';
import { DozorBackendError, type DozorBackend, type UserActivity } from '../../src/backend/index.js';
import { metadata } from '../backend/memory-helpers.js';
import { createScenario, trackedUserId, uuid } from './profile-fixtures.js';
import { until } from '../wait.js';
import { registerTranslations } from '../../src/elements/shared/translations.js';
import de from '../../src/locales/de.js';

const NOW = Date.UTC(2026, 4, 13, 12, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const EVIL = '/<img src=x onerror="window.__pwned=1">';

/** A session: it lands on `landing` at `start`, then navigates (SPA `dozor:url`) at each offset. */
interface SessionSpec {
  start: number;
  end: number;
  landing: string;
  navigations: [offset: number, path: string][];
}

function ingest(backend: MemoryBackend, key: string, externalId: string, spec: SessionSpec): void {
  const start = NOW + spec.start;
  const end = NOW + spec.end;
  const events: { type: number; data: unknown; timestamp: number }[] = spec.navigations.map(([offset, path]) => ({
    type: 5,
    data: { tag: 'dozor:url', payload: { url: `javascript:alert(${JSON.stringify(path)})`, pathname: path } },
    timestamp: start + offset,
  }));
  for (let i = 0; i <= 11; i++) events.push({ type: 3, data: { source: 1 }, timestamp: Math.round(start + ((end - start) * i) / 11) });
  events.sort((a, b) => a.timestamp - b.timestamp);
  backend.ingest(key, {
    sessionId: uuid(),
    events,
    metadata: metadata({ url: `https://app.example.com${spec.landing}`, userIdentity: { userId: externalId } }),
  });
}

/** A session that visits /p/1…/p/14 for 21…34 s each (its landing page /p/0 lasts no time). */
function tour(start: number): SessionSpec {
  let offset = 0;
  const navigations = Array.from({ length: 14 }, (_, i): [number, string] => {
    const at = offset;
    offset += (21 + i) * SECOND;
    return [at, `/p/${i + 1}`];
  });
  return { start, end: start + offset, landing: '/p/0', navigations };
}

const SESSIONS: SessionSpec[] = [
  {
    start: -2 * HOUR,
    end: -2 * HOUR + 10 * MINUTE,
    landing: '/pricing',
    navigations: [
      [3 * MINUTE, '/checkout'],
      [8 * MINUTE, '/pricing'],
    ],
  },
  { start: -5 * HOUR, end: -5 * HOUR + 20 * MINUTE, landing: '/docs', navigations: [[15 * MINUTE, '/checkout']] },
  // Starts before the 24 h window: only the part inside it counts.
  { start: -25 * HOUR, end: -23 * HOUR, landing: '/old-start', navigations: [[80 * MINUTE, '/blog']] },
  { start: -HOUR, end: -HOUR + MINUTE, landing: '/home', navigations: [[10 * SECOND, EVIL]] },
  tour(-10 * HOUR),
];

async function scenario(sessions: SessionSpec[] = SESSIONS, externalId = 'user-ada'): Promise<{ backend: MemoryBackend; userId: string }> {
  const { backend, projectKey } = createScenario('Production', NOW);
  for (const session of sessions) ingest(backend, projectKey, externalId, session);
  return { backend, userId: await trackedUserId(backend, externalId) };
}

interface ExpectedRow {
  pathname: string;
  ms: number;
  visits: number;
}

/** Time and visits per page inside the window (reference §2.5), computed from the specs without the library. */
function expectedPages(sessions: SessionSpec[], windowMs: number): { rows: ExpectedRow[]; totalMs: number } {
  const from = NOW - windowMs;
  const rows = new Map<string, ExpectedRow>();
  for (const session of sessions) {
    const points: [number, string][] = [[0, session.landing], ...session.navigations];
    points.forEach(([offset, path], i) => {
      const start = Math.max(NOW + session.start + offset, from);
      const next = points[i + 1];
      const end = Math.min(next ? NOW + session.start + next[0] : NOW + session.end, NOW);
      if (end <= start) return;
      const row = rows.get(path) ?? { pathname: path, ms: 0, visits: 0 };
      row.ms += end - start;
      row.visits += 1;
      rows.set(path, row);
    });
  }
  const list = [...rows.values()].sort((a, b) => b.ms - a.ms);
  return { rows: list, totalMs: list.reduce((sum, r) => sum + r.ms, 0) };
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return seconds % 60 === 0 ? `${Math.floor(seconds / 60)}m` : `${Math.floor(seconds / 60)}m ${seconds % 60}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes % 60 === 0 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/** 32-bit FNV-1a of the UTF-16 code units, modulo the 10 palette colors (reference §3.5). */
function paletteIndex(pathname: string): number {
  let h = 2166136261;
  for (let i = 0; i < pathname.length; i++) {
    h ^= pathname.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 10;
}

const root = (el: Element) => el.shadowRoot!;
const rowsOf = (el: Element) =>
  [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim()));
const button = (el: Element, part: 'show-more' | 'show-less') => root(el).querySelector<HTMLButtonElement>(`[part~="${part}"]`);

function expectedCells(rows: ExpectedRow[], totalMs: number, offset = 0): string[][] {
  return rows.map((row, i) => [
    String(offset + i + 1),
    row.pathname,
    duration(Math.round(row.ms / 1000)),
    `${Math.round((row.ms / totalMs) * 100)}%`,
    String(row.visits),
  ]);
}

describe('<dozor-page-distribution>', () => {
  let backend: MemoryBackend;
  let userId: string;
  let expected: { rows: ExpectedRow[]; totalMs: number };

  beforeEach(async () => {
    ({ backend, userId } = await scenario());
    expected = expectedPages(SESSIONS, DAY);
  });

  /** A host that refetches on `dozor-page-limit-change`, as the profile does. */
  async function mountControlled(pageLimit = 5): Promise<{ el: DozorPageDistribution; limits: number[] }> {
    const limits: number[] = [];
    const data = await backend.getActivity(userId, { range: '24h', pageLimit });
    const el = await fixture<DozorPageDistribution>(html`<dozor-page-distribution
      .data=${data}
      .pageLimit=${pageLimit}
      range="24h"
      locale="en-GB"
      @dozor-page-limit-change=${async (event: CustomEvent<{ pageLimit: number }>) => {
        limits.push(event.detail.pageLimit);
        const next = await backend.getActivity(userId, { range: '24h', pageLimit: event.detail.pageLimit });
        (event.target as DozorPageDistribution).data = next;
      }}
    ></dozor-page-distribution>`);
    return { el, limits };
  }

  it('shows #, page, time, share and visits of the first five pages', async () => {
    const { el } = await mountControlled();
    expect(expected.rows.length).to.equal(21);
    expect(rowsOf(el)).to.deep.equal(expectedCells(expected.rows.slice(0, 5), expected.totalMs));
    expect(root(el).querySelector('h2')!.textContent).to.equal('Pages');
    expect(root(el).querySelector('.meta')!.textContent).to.equal('5 / 21 unique pages');
    const headers = [...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['#', 'Page', 'Time', 'Share', 'Visits']);
    await expect(el).to.be.accessible();
  });

  it('a table wider than its card is a keyboard stop named by the title; one that fits is not', async () => {
    const { el } = await mountControlled();
    const box = () => root(el).querySelector<HTMLElement>('.scroll')!;
    el.style.width = '320px';
    await until(() => box().tabIndex === 0, 'the narrow table to take a tab stop');
    expect(box().getAttribute('role')).to.equal('group');
    expect(root(el).getElementById(box().getAttribute('aria-labelledby')!)!.textContent).to.equal('Pages');
    expect(box().scrollWidth).to.be.greaterThan(box().clientWidth);
    await expect(el).to.be.accessible();
    el.style.width = '900px';
    await until(() => !box().hasAttribute('tabindex'), 'the wide table to leave the tab order');
    expect(box().hasAttribute('role')).to.equal(false);
  });

  it('widens a figure column whose header does not fit it, at phone width in German, and the page column still reads', async () => {
    registerTranslations(de);
    const { el } = await mountControlled();
    const headers = () => [...root(el).querySelectorAll<HTMLElement>('thead th')];
    const cut = () =>
      headers()
        .filter((th) => th.scrollWidth > th.clientWidth)
        .map((th) => th.textContent!.trim());
    el.style.width = '360px';
    el.locale = 'de';
    await until(() => headers().at(-1)!.textContent!.trim() === 'Aufrufe' && cut().length === 0, 'the German headers in full');
    const em = parseFloat(getComputedStyle(root(el).querySelector('table')!).fontSize);
    expect(headers()[1]!.getBoundingClientRect().width, 'the page column keeps its room').to.be.at.least(5 * em);
    el.style.width = '900px';
    await until(() => root(el).querySelector('.bar') !== null && cut().length === 0, 'the desktop layout, still in full');
    await expect(el).to.be.accessible();
  });

  it('clamps a session that started before the window and counts each visit', async () => {
    const { el } = await mountControlled(25);
    const byPath = new Map(rowsOf(el).map((cells) => [cells[1], cells]));
    // /old-start ran 80 min from 25 h ago: 20 min of it fall inside the last 24 h; /blog its 40 min.
    expect(byPath.get('/old-start')![2]).to.equal('20m');
    expect(byPath.get('/blog')![2]).to.equal('40m');
    expect(byPath.get('/pricing')![4]).to.equal('2');
    expect(byPath.get('/checkout')![2]).to.equal('10m');
    expect(byPath.get('/checkout')![4]).to.equal('2');
  });

  it('colors each dot by the pathname hash and draws the share bar', async () => {
    expect([paletteIndex('/'), paletteIndex('/checkout'), paletteIndex('/checkout/payment'), paletteIndex('/pricing')]).to.deep.equal([
      4, 0, 7, 2,
    ]);
    const { el } = await mountControlled();
    const rows = [...root(el).querySelectorAll('tbody tr')];
    rows.forEach((tr, i) => {
      const row = expected.rows[i]!;
      const dot = tr.querySelector<HTMLElement>('[part~="dot"]')!;
      expect(dot.style.getPropertyValue('--_dot')).to.equal(`var(--_page-${paletteIndex(row.pathname)})`);
      expect(dot.getAttribute('aria-hidden')).to.equal('true');
      const fill = tr.querySelector<HTMLElement>('[part~="bar"] > span')!;
      expect(Number.parseFloat(fill.style.getPropertyValue('--_share'))).to.be.closeTo((row.ms / expected.totalMs) * 100, 1e-9);
      expect(tr.querySelector('.path')!.getAttribute('title')).to.equal(row.pathname);
    });
    const color = getComputedStyle(rows[0]!.querySelector('[part~="dot"]')!).backgroundColor;
    expect(color).to.match(/^rgb\(/);
  });

  it('Show more adds ten rows through dozor-page-limit-change, Show less removes them', async () => {
    const { el, limits } = await mountControlled();
    expect(button(el, 'show-less')).to.equal(null);
    expect(button(el, 'show-more')!.textContent!.trim()).to.equal('Show more (10)');
    button(el, 'show-more')!.click();
    expect(limits).to.deep.equal([15]);
    await el.updateComplete;
    // While the host fetches, the button says so and ignores clicks.
    expect(button(el, 'show-more')!.textContent!.trim()).to.equal('Loading…');
    expect(button(el, 'show-more')!.getAttribute('aria-disabled')).to.equal('true');
    button(el, 'show-more')!.click();
    expect(limits).to.deep.equal([15]);
    await until(() => rowsOf(el).length === 15, '15 rows');
    expect(rowsOf(el)).to.deep.equal(expectedCells(expected.rows.slice(0, 15), expected.totalMs));
    expect(root(el).querySelector('.meta')!.textContent).to.equal('15 / 21 unique pages');
    // 6 pages remain.
    expect(button(el, 'show-more')!.textContent!.trim()).to.equal('Show more (6)');
    button(el, 'show-more')!.click();
    await until(() => rowsOf(el).length === 21, '21 rows');
    expect(limits).to.deep.equal([15, 25]);
    expect(rowsOf(el)).to.deep.equal(expectedCells(expected.rows, expected.totalMs));
    expect(button(el, 'show-more')).to.equal(null);
    await expect(el).to.be.accessible();
    // Show less: 25 → 15 → 5, shown at once from the rows already loaded.
    button(el, 'show-less')!.click();
    await el.updateComplete;
    expect(limits).to.deep.equal([15, 25, 15]);
    expect(rowsOf(el).length).to.equal(15);
    button(el, 'show-less')!.click();
    await el.updateComplete;
    expect(limits).to.deep.equal([15, 25, 15, 5]);
    expect(rowsOf(el).length).to.equal(5);
    expect(button(el, 'show-less')).to.equal(null);
  });

  it('works from the keyboard and keeps focus when Show less disappears', async () => {
    const { el, limits } = await mountControlled();
    button(el, 'show-more')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => rowsOf(el).length === 15, '15 rows');
    expect(limits).to.deep.equal([15]);
    expect(root(el).activeElement).to.equal(button(el, 'show-more'));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(button(el, 'show-less'));
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await el.updateComplete;
    expect(limits).to.deep.equal([15, 5]);
    expect(button(el, 'show-less')).to.equal(null);
    expect(root(el).activeElement).to.equal(button(el, 'show-more'));
  });

  it('a cancelled dozor-page-limit-change keeps the limit', async () => {
    const data = await backend.getActivity(userId, { range: '24h' });
    const el = await fixture<DozorPageDistribution>(
      html`<dozor-page-distribution .data=${data} @dozor-page-limit-change=${(e: Event) => e.preventDefault()}></dozor-page-distribution>`,
    );
    button(el, 'show-more')!.click();
    await el.updateComplete;
    expect(el.pageLimit).to.equal(5);
    expect(button(el, 'show-more')!.textContent!.trim()).to.equal('Show more (10)');
  });

  it('never asks for more than 500 rows', async () => {
    // 600 pages, inserted through the store's bulk API.
    const big = createMemoryBackend({ now: () => NOW, projects: [] });
    const project = big.addProject({ id: 'prj_big', name: 'Big' });
    let id = '';
    const start = NOW - HOUR;
    big.store.bulk(() => {
      id = big.store.insertUser({ projectId: project.id, identity: 'identified', externalId: 'wanderer', traits: null, createdAt: start });
      big.store.insertSession({
        projectId: project.id,
        userId: id,
        startedAt: start,
        endedAt: start + 600 * SECOND,
        eventCount: 1200,
        createdAt: start,
        url: 'https://app.example.com/p/0',
        urlMarkers: Array.from({ length: 600 }, (_, i) => ({
          timestamp: start + i * SECOND,
          url: `https://app.example.com/p/${i}`,
          pathname: `/p/${i}`,
        })),
      });
    });
    const limits: number[] = [];
    const el = await fixture<DozorPageDistribution>(html`<dozor-page-distribution
      .data=${await big.getActivity(id, { range: '6h', pageLimit: 485 })}
      .pageLimit=${485}
      range="6h"
      @dozor-page-limit-change=${async (event: CustomEvent<{ pageLimit: number }>) => {
        limits.push(event.detail.pageLimit);
        (event.target as DozorPageDistribution).data = await big.getActivity(id, { range: '6h', pageLimit: event.detail.pageLimit });
      }}
    ></dozor-page-distribution>`);
    expect(rowsOf(el).length).to.equal(485);
    expect(root(el).querySelector('.meta')!.textContent).to.equal('485 / 600 unique pages');
    expect(button(el, 'show-more')!.textContent!.trim()).to.equal('Show more (10)');
    button(el, 'show-more')!.click();
    await until(() => rowsOf(el).length === 495, '495 rows');
    expect(button(el, 'show-more')!.textContent!.trim()).to.equal('Show more (5)');
    button(el, 'show-more')!.click();
    await until(() => rowsOf(el).length === 500, '500 rows');
    expect(limits).to.deep.equal([495, 500]);
    // 100 pages remain, but 500 is the cap.
    expect(root(el).querySelector('.meta')!.textContent).to.equal('500 / 600 unique pages');
    expect(button(el, 'show-more')).to.equal(null);
    expect(button(el, 'show-less')).to.not.equal(null);
    // An out-of-range limit is clamped like the server does.
    el.pageLimit = 9999;
    await el.updateComplete;
    expect(rowsOf(el).length).to.equal(500);
  });

  it('a range change starts again from five rows without an event', async () => {
    const { el, limits } = await mountControlled(15);
    expect(rowsOf(el).length).to.equal(15);
    el.range = '7d';
    await el.updateComplete;
    expect(el.pageLimit).to.equal(5);
    expect(rowsOf(el).length).to.equal(5);
    expect(limits).to.deep.equal([]);
  });

  it('renders untrusted pathnames as text, never as links', async () => {
    const { el } = await mountControlled(25);
    const cell = [...root(el).querySelectorAll('.path')].find((node) => node.textContent === EVIL)!;
    expect(cell).to.not.equal(undefined);
    expect(cell.getAttribute('title')).to.equal(EVIL);
    expect(root(el).querySelector('img, script, a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows a skeleton while loading, and is accessible', async () => {
    const el = await fixture<DozorPageDistribution>(html`<dozor-page-distribution></dozor-page-distribution>`);
    expect(root(el).querySelector('[part~="card"]')!.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelectorAll('.skeleton.line').length).to.equal(5);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Loading pages…');
    await expect(el).to.be.accessible();
  });

  it('shows "No page visits in this range." without pages, and is accessible', async () => {
    const old = await scenario([{ start: -3 * DAY, end: -3 * DAY + MINUTE, landing: '/gone', navigations: [] }], 'old-timer');
    const data = await old.backend.getActivity(old.userId, { range: '6h' });
    const el = await fixture<DozorPageDistribution>(html`<dozor-page-distribution .data=${data}></dozor-page-distribution>`);
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('No page visits in this range.');
    expect(root(el).querySelector('table')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  describe('standalone', () => {
    function spied(inner: DozorBackend) {
      const calls: { range: string; pageLimit?: number }[] = [];
      const spy: DozorBackend = {
        ...inner,
        getActivity: (id, query, options) => (calls.push({ ...query }), inner.getActivity(id, query, options)),
      };
      return { spy, calls };
    }

    it('fetches its user-id itself and refetches with the new limit', async () => {
      const { spy, calls } = spied(backend);
      const el = await fixture<DozorPageDistribution>(
        html`<dozor-page-distribution .backend=${spy} user-id=${userId} range="24h" locale="en-GB"></dozor-page-distribution>`,
      );
      await until(() => rowsOf(el).length === 5, 'rows');
      expect(calls).to.deep.equal([{ range: '24h', pageLimit: 5 }]);
      expect(rowsOf(el)).to.deep.equal(expectedCells(expected.rows.slice(0, 5), expected.totalMs));
      setTimeout(() => button(el, 'show-more')!.click());
      const event = await oneEvent(el, 'dozor-page-limit-change');
      expect(event.detail).to.deep.equal({ pageLimit: 15 });
      await until(() => rowsOf(el).length === 15, '15 rows');
      expect(calls).to.deep.equal([
        { range: '24h', pageLimit: 5 },
        { range: '24h', pageLimit: 15 },
      ]);
      // Fewer rows need no request.
      button(el, 'show-less')!.click();
      await el.updateComplete;
      expect(rowsOf(el).length).to.equal(5);
      expect(calls.length).to.equal(2);
      // Another range: fetched again from five rows.
      el.range = '6h';
      await until(() => calls.length === 3, 'the range refetch');
      expect(calls[2]).to.deep.equal({ range: '6h', pageLimit: 5 });
      await expect(el).to.be.accessible();
    });

    it('shows an error with retry when its request fails, and is accessible', async () => {
      let fail = true;
      const flaky: DozorBackend = {
        ...backend,
        getActivity: (...args) => (fail ? Promise.reject(new DozorBackendError('server', 'Boom')) : backend.getActivity(...args)),
      };
      const el = await fixture<DozorPageDistribution>(
        html`<dozor-page-distribution .backend=${flaky} user-id=${userId}></dozor-page-distribution>`,
      );
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Server error');
      await expect(el).to.be.accessible();
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await until(() => rowsOf(el).length === 5, 'rows after retry');
    });

    it('does not fetch when .data is given', async () => {
      const { spy, calls } = spied(backend);
      const data: UserActivity = await backend.getActivity(userId, { range: '24h' });
      const el = await fixture<DozorPageDistribution>(
        html`<dozor-page-distribution .backend=${spy} user-id=${userId} .data=${data}></dozor-page-distribution>`,
      );
      await el.updateComplete;
      expect(calls).to.deep.equal([]);
      expect(rowsOf(el).length).to.equal(5);
    });
  });
});

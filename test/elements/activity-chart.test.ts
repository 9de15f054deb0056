import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import '../../src/elements/activity-chart/define.js';
import { DozorActivityChart } from '../../src/elements/activity-chart/activity-chart.js';
import { loadUplot, type UplotLibrary } from '../../src/elements/activity-chart/uplot-loader.js';
import type { MemoryBackend } from '../../src/backend/memory/index.js';
import { DozorBackendError, type DozorBackend, type UserActivity } from '../../src/backend/index.js';
import { metadata } from '../backend/memory-helpers.js';
import { createScenario, trackedUserId, uuid } from './profile-fixtures.js';
import { until } from '../wait.js';

// A fixed clock that is not on a 5-minute boundary, so the 6 h grid has 73 slots (reference §2.4).
const NOW = Date.UTC(2026, 4, 13, 12, 7, 30);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BUCKET_6H = 5 * MINUTE;
const EVIL = '/<img src=x onerror="window.__pwned=1">';
const EVIL_URL = 'javascript:alert(1)';

interface BatchSpec {
  /** ms from NOW of the batch's first event. */
  at: number;
  events: number;
  /** A `dozor:url` marker (SPA navigation) at the batch's first event. */
  path?: string;
}
interface SessionSpec {
  landing: string;
  batches: BatchSpec[];
}

/** Ingests a session batch by batch in Dozor's wire format, url markers as rrweb custom events. */
function ingest(backend: MemoryBackend, key: string, externalId: string, spec: SessionSpec): void {
  const sessionId = uuid();
  spec.batches.forEach((batch, i) => {
    const start = NOW + batch.at;
    const events: { type: number; data: unknown; timestamp: number }[] = [];
    if (batch.path !== undefined) {
      events.push({ type: 5, data: { tag: 'dozor:url', payload: { url: EVIL_URL, pathname: batch.path } }, timestamp: start });
    }
    while (events.length < batch.events) events.push({ type: 3, data: { source: 1 }, timestamp: start + events.length * 1000 });
    backend.ingest(key, {
      sessionId,
      events,
      ...(i === 0 ? { metadata: metadata({ url: `https://app.example.com${spec.landing}`, userIdentity: { userId: externalId } }) } : {}),
    });
  });
}

const SESSIONS: SessionSpec[] = [
  {
    landing: '/pricing',
    batches: [
      { at: -50 * MINUTE, events: 20 },
      { at: -40 * MINUTE, events: 16, path: '/checkout' },
    ],
  },
  { landing: '/docs', batches: [{ at: -3 * HOUR, events: 30 }] },
  {
    landing: '/home',
    batches: [
      { at: -3 * HOUR + MINUTE, events: 10 },
      { at: -3 * HOUR + 80_000, events: 12, path: EVIL },
    ],
  },
  // throwaway (fewer than 10 events): never counted
  { landing: '/ignored', batches: [{ at: -2 * HOUR, events: 5 }] },
  // outside the 6 h window
  { landing: '/old', batches: [{ at: -2 * DAY, events: 40 }] },
];

interface Scenario {
  backend: MemoryBackend;
  userId: string;
}

async function scenario(sessions: SessionSpec[] = SESSIONS, externalId = 'user-ada'): Promise<Scenario> {
  const { backend, projectKey } = createScenario('Production', NOW);
  for (const session of sessions) ingest(backend, projectKey, externalId, session);
  return { backend, userId: await trackedUserId(backend, externalId) };
}

interface ExpectedBucket {
  start: number;
  total: number;
  pages: [string, number][];
}

/** The histogram of reference §2.4 computed from the specs, without the library. */
function expectedBuckets(sessions: SessionSpec[], windowMs: number, bucketMs: number): ExpectedBucket[] {
  const from = NOW - windowMs;
  const byStart = new Map<number, Map<string, number>>();
  for (const session of sessions) {
    const total = session.batches.reduce((sum, b) => sum + b.events, 0);
    if (total < 10) continue;
    let page = session.landing;
    for (const batch of session.batches) {
      if (batch.path !== undefined) page = batch.path;
      const ts = NOW + batch.at;
      if (ts < from || ts >= NOW) continue;
      const start = Math.floor(ts / bucketMs) * bucketMs;
      const pages = byStart.get(start) ?? new Map<string, number>();
      pages.set(page, (pages.get(page) ?? 0) + batch.events);
      byStart.set(start, pages);
    }
  }
  return [...byStart.entries()]
    .sort(([a], [b]) => a - b)
    .map(([start, pages]) => {
      const list = [...pages.entries()].sort((a, b) => b[1] - a[1]);
      return { start, total: list.reduce((sum, [, n]) => sum + n, 0), pages: list };
    });
}

function slotCount(windowMs: number, bucketMs: number): number {
  let n = 0;
  for (let t = Math.floor((NOW - windowMs) / bucketMs) * bucketMs; t < NOW; t += bucketMs) n++;
  return n;
}

const time = (ms: number) => new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' }).format(ms);
const dayTime = (ms: number) =>
  new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(ms);
const count = (n: number) => new Intl.NumberFormat('en-GB').format(n);

const root = (el: Element) => el.shadowRoot!;
const canvasOf = (el: DozorActivityChart) => root(el).querySelector('canvas');
const drawn = (el: DozorActivityChart) => until(() => canvasOf(el) !== null, 'the canvas');
const tooltipText = (el: DozorActivityChart) => {
  const tip = root(el).querySelector('[part~="tooltip"]');
  if (!tip) return null;
  return {
    time: tip.querySelector('.tooltip-time')!.textContent!.trim(),
    count: tip.querySelector('.tooltip-count')!.textContent!.trim(),
    pages: [...tip.querySelectorAll('li')].map((li) => [li.querySelector('.path')!.textContent!, li.querySelector('.num')!.textContent!]),
  };
};

/** Pixels of the canvas with exactly this color (bars are filled with the token color). */
function pixelsOf(canvas: HTMLCanvasElement, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) n++;
  return n;
}

async function mountWithData(activity: UserActivity | undefined, width = 720): Promise<DozorActivityChart> {
  return fixture<DozorActivityChart>(
    html`<dozor-activity-chart style="width: ${width}px" .data=${activity} range="6h" locale="en-GB" theme="light"></dozor-activity-chart>`,
  );
}

/** A chart (as `tag`) whose uPlot comes from `load`, mounted with `activity` in a 720 px box. */
async function mountFetchingUplot(tag: string, load: () => Promise<UplotLibrary>, activity: UserActivity): Promise<DozorActivityChart> {
  customElements.define(
    tag,
    class extends DozorActivityChart {
      protected static override loadPlotLibrary = load;
    },
  );
  const box = await fixture<HTMLDivElement>(html`<div style="width: 720px"></div>`);
  const el = Object.assign(document.createElement(tag) as DozorActivityChart, { data: activity, locale: 'en-GB' });
  box.append(el);
  return el;
}

describe('<dozor-activity-chart>', () => {
  let activity: UserActivity;
  let expected: ExpectedBucket[];

  beforeEach(async () => {
    const { backend, userId } = await scenario();
    activity = await backend.getActivity(userId, { range: '6h' });
    expected = expectedBuckets(SESSIONS, 6 * HOUR, BUCKET_6H);
  });

  it('draws a sized canvas with one bar slot per bucket of the full grid', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    const canvas = canvasOf(el)!;
    const plot = root(el).querySelector<HTMLElement>('[part~="plot"]')!;
    const dpr = window.devicePixelRatio;
    expect(plot.clientWidth).to.be.greaterThan(600);
    expect(Math.abs(canvas.width - plot.clientWidth * dpr)).to.be.lessThan(2);
    expect(Math.abs(canvas.height - plot.clientHeight * dpr)).to.be.lessThan(2);
    expect(plot.clientHeight).to.equal(192);
    // The plot area inside the canvas is where the HTML overlays (highlight, tooltip, x axis) expect it.
    const over = root(el).querySelector('.u-over')!.getBoundingClientRect();
    const box = plot.getBoundingClientRect();
    const inset = [over.left - box.left, box.right - over.right, over.top - box.top, box.bottom - over.bottom];
    [44, 8, 8, 8].forEach((px, i) => expect(inset[i]).to.be.closeTo(px, 1));
    // uPlot renders inside the shadow root, not in the document.
    expect(document.querySelector('.uplot')).to.equal(null);
    const [xs, ys] = el.chart!.data as [number[], (number | null)[]];
    expect(xs.length).to.equal(slotCount(6 * HOUR, BUCKET_6H));
    expect(xs.length).to.equal(73);
    // The bars carry the bucket totals at each slot (the slot center), zero elsewhere.
    const totals = new Map(expected.map((b) => [b.start + BUCKET_6H / 2, b.total]));
    xs.forEach((x, i) => expect(ys[i], `slot ${i}`).to.equal(totals.get(x) ?? 0));
    const events = expected.reduce((sum, b) => sum + b.total, 0);
    const peak = Math.max(...expected.map((b) => b.total));
    expect(root(el).querySelector('.meta')!.textContent).to.equal(`${count(events)} events`);
    expect(plot.getAttribute('aria-label')).to.equal(`Activity histogram: ${count(events)} events across 73 buckets, peak ${count(peak)}.`);
    expect(plot.getAttribute('tabindex')).to.equal('0');
    await expect(el).to.be.accessible();
  });

  it('labels the x axis with seven localized ticks across the window', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    const labels = [...root(el).querySelectorAll('[part~="axis"] .tick')].map((t) => t.textContent);
    const from = NOW - 6 * HOUR;
    expect(labels).to.deep.equal(Array.from({ length: 7 }, (_, i) => time(from + (6 * HOUR * i) / 6)));
    const de = await fixture<DozorActivityChart>(html`<dozor-activity-chart .data=${activity} locale="de-DE"></dozor-activity-chart>`);
    await drawn(de);
    const first = root(de).querySelector('[part~="axis"] .tick')!.textContent;
    expect(first).to.equal(new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' }).format(from));
  });

  it('lists every bucket with events, its count and top pages in the text alternative', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    const table = root(el).querySelector('table')!;
    expect(table.closest('.visually-hidden')).to.not.equal(null);
    expect(table.querySelector('caption')!.textContent).to.equal('Events per time bucket');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows).to.deep.equal(
      expected.map((b) => [
        `${time(b.start)}–${time(b.start + BUCKET_6H)}`,
        count(b.total),
        b.pages.map(([path, n]) => `${path}: ${count(n)}`).join(', '),
      ]),
    );
    expect(rows.length).to.equal(3);
  });

  it('shows the tooltip on keyboard focus and moves it with the arrow keys', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    const last = expected[expected.length - 1]!;
    // Tab from the page into the chart: the tooltip opens on the latest bucket with events.
    await sendKeys({ press: 'Tab' });
    const plot = root(el).querySelector<HTMLElement>('[part~="plot"]')!;
    expect(root(el).activeElement).to.equal(plot);
    await el.updateComplete;
    expect(tooltipText(el)).to.deep.equal({
      time: `${time(last.start)}–${time(last.start + BUCKET_6H)}`,
      count: `${count(last.total)} events`,
      pages: last.pages.map(([p, n]) => [p, count(n)]),
    });
    expect(plot.getAttribute('aria-describedby')).to.equal('keyboard-hint tooltip');
    // The highlight sits on the bucket's slot.
    const over = root(el).querySelector('.u-over')!.getBoundingClientRect();
    const [xs] = el.chart!.data as [number[]];
    const min = xs[0]! - BUCKET_6H / 2;
    const span = xs[xs.length - 1]! + BUCKET_6H / 2 - min;
    const highlight = root(el).querySelector('.highlight')!.getBoundingClientRect();
    expect(highlight.left).to.be.closeTo(over.left + ((last.start - min) / span) * over.width, 1);
    expect(highlight.width).to.be.closeTo((BUCKET_6H / span) * over.width, 1);
    await expect(el).to.be.accessible();

    // One slot to the left is empty.
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    const left = last.start - BUCKET_6H;
    expect(tooltipText(el)).to.deep.equal({ time: `${time(left)}–${time(last.start)}`, count: '0 events', pages: [] });
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal(`${time(left)}–${time(last.start)}. 0 events`);

    // Page Up jumps to the previous bucket with events.
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    const previous = expected[expected.length - 2]!;
    expect(tooltipText(el)!.count).to.equal(`${count(previous.total)} events`);
    expect(tooltipText(el)!.pages).to.deep.equal(previous.pages.map(([p, n]) => [p, count(n)]));
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    const busiest = expected[0]!;
    expect(tooltipText(el)!.count).to.equal(`${count(busiest.total)} events`);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal(
      `${time(busiest.start)}–${time(busiest.start + BUCKET_6H)}. ${count(busiest.total)} events. Top pages: ${busiest.pages.map(([p, n]) => `${p}: ${count(n)}`).join(', ')}`,
    );

    // Home / End reach the ends of the grid, Right stops at the last slot.
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const lastSlot = Math.floor((NOW - 1) / BUCKET_6H) * BUCKET_6H;
    expect(tooltipText(el)!.time).to.equal(`${time(lastSlot)}–${time(lastSlot + BUCKET_6H)}`);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    const firstSlot = Math.floor((NOW - 6 * HOUR) / BUCKET_6H) * BUCKET_6H;
    expect(tooltipText(el)!.time).to.equal(`${time(firstSlot)}–${time(firstSlot + BUCKET_6H)}`);

    // Escape closes it; leaving the chart too.
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(tooltipText(el)).to.equal(null);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tooltipText(el)).to.not.equal(null);
    plot.blur();
    await el.updateComplete;
    expect(tooltipText(el)).to.equal(null);
  });

  it('keeps time left to right under dir=rtl, so Left still moves to the earlier bucket', async () => {
    const page = await fixture<HTMLElement>(
      html`<div dir="rtl"><dozor-activity-chart style="width: 720px" .data=${activity} range="6h" locale="en-GB" theme="light"></dozor-activity-chart></div>`,
    );
    const el = page.querySelector<DozorActivityChart>('dozor-activity-chart')!;
    await drawn(el);
    const last = expected[expected.length - 1]!;
    root(el).querySelector<HTMLElement>('[part~="plot"]')!.focus();
    await el.updateComplete;
    expect(tooltipText(el)!.time).to.equal(`${time(last.start)}–${time(last.start + BUCKET_6H)}`);
    const before = root(el).querySelector('.highlight')!.getBoundingClientRect().left;
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(tooltipText(el)!.time).to.equal(`${time(last.start - BUCKET_6H)}–${time(last.start)}`);
    expect(root(el).querySelector('.highlight')!.getBoundingClientRect().left).to.be.below(before);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(tooltipText(el)!.time).to.equal(`${time(last.start)}–${time(last.start + BUCKET_6H)}`);
    await expect(el).to.be.accessible();
  });

  it('shows the tooltip of the bar under the pointer', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    const busiest = expected[0]!;
    const over = root(el).querySelector<HTMLElement>('.u-over')!.getBoundingClientRect();
    const [xs] = el.chart!.data as [number[]];
    const min = xs[0]! - BUCKET_6H / 2;
    const max = xs[xs.length - 1]! + BUCKET_6H / 2;
    const x = over.left + ((busiest.start + BUCKET_6H / 2 - min) / (max - min)) * over.width;
    await sendMouse({ type: 'move', position: [Math.round(x), Math.round(over.bottom - 5)] });
    await until(() => tooltipText(el) !== null, 'the hover tooltip');
    expect(tooltipText(el)).to.deep.equal({
      time: `${time(busiest.start)}–${time(busiest.start + BUCKET_6H)}`,
      count: `${count(busiest.total)} events`,
      pages: busiest.pages.map(([p, n]) => [p, count(n)]),
    });
    await sendMouse({ type: 'move', position: [0, 0] });
    await until(() => tooltipText(el) === null, 'the tooltip to close');
  });

  it('prefixes the day on the 24 h and 7 d ranges', async () => {
    const { backend, userId } = await scenario();
    const week = await backend.getActivity(userId, { range: '7d' });
    const el = await fixture<DozorActivityChart>(
      html`<dozor-activity-chart .data=${week} range="7d" locale="en-GB"></dozor-activity-chart>`,
    );
    await drawn(el);
    const hourly = expectedBuckets(SESSIONS, 7 * DAY, HOUR);
    const rows = [...root(el).querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(rows.map((r) => r.slice(0, 2))).to.deep.equal(
      hourly.map((b) => [`${dayTime(b.start)}–${time(b.start + HOUR)}`, count(b.total)]),
    );
    expect((el.chart!.data[0] as number[]).length).to.equal(slotCount(7 * DAY, HOUR));
    const ticks = [...root(el).querySelectorAll('[part~="axis"] .tick')].map((t) => t.textContent);
    expect(ticks[0]).to.equal(new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit' }).format(NOW - 7 * DAY));
  });

  it('re-themes the bars when the host page switches to dark mode', async () => {
    const el = await fixture<DozorActivityChart>(html`<dozor-activity-chart .data=${activity} locale="en-GB"></dozor-activity-chart>`);
    await drawn(el);
    const light = el.chart;
    expect(el.getAttribute('data-scheme')).to.equal('light');
    expect(pixelsOf(canvasOf(el)!, '#6366f1')).to.be.greaterThan(20);
    expect(pixelsOf(canvasOf(el)!, '#818cf8')).to.equal(0);
    document.documentElement.classList.add('dark');
    try {
      await until(() => el.chart !== undefined && el.chart !== light, 'the redraw');
      expect(el.getAttribute('data-scheme')).to.equal('dark');
      expect(pixelsOf(canvasOf(el)!, '#818cf8')).to.be.greaterThan(20);
      expect(pixelsOf(canvasOf(el)!, '#6366f1')).to.equal(0);
      expect(root(el).querySelectorAll('canvas').length).to.equal(1);
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.classList.remove('dark');
    }
    await until(() => el.getAttribute('data-scheme') === 'light', 'light again');
    await until(() => pixelsOf(canvasOf(el)!, '#6366f1') > 20, 'light bars');
  });

  it('uses --dozor-chart-bar from the host', async () => {
    const el = await fixture<DozorActivityChart>(
      html`<dozor-activity-chart style="--dozor-chart-bar: #00aa55" theme="light" .data=${activity}></dozor-activity-chart>`,
    );
    await drawn(el);
    expect(pixelsOf(canvasOf(el)!, '#00aa55')).to.be.greaterThan(20);
  });

  it('resizes with its container', async () => {
    const el = await mountWithData(activity, 720);
    await drawn(el);
    const plot = root(el).querySelector<HTMLElement>('[part~="plot"]')!;
    const before = canvasOf(el)!.getBoundingClientRect().width;
    expect(Math.abs(before - plot.clientWidth)).to.be.lessThan(1);
    el.style.width = '420px';
    await until(() => Math.abs(canvasOf(el)!.getBoundingClientRect().width - plot.clientWidth) < 1 && plot.clientWidth < 400, 'the resize');
    expect(el.chart!.width).to.equal(plot.clientWidth);
    expect(canvasOf(el)!.getBoundingClientRect().width).to.be.lessThan(before);
  });

  it('destroys the uPlot instance on disconnect and draws again when reconnected', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    const parent = el.parentElement!;
    el.remove();
    expect(el.chart).to.equal(undefined);
    expect(root(el).querySelector('.uplot')).to.equal(null);
    parent.append(el);
    await drawn(el);
    expect(root(el).querySelectorAll('.uplot').length).to.equal(1);
  });

  it('shows the plot skeleton over the axis while uPlot is on its way, then the bars', async () => {
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const el = await mountFetchingUplot('test-chart-on-slow-network', () => arrived.then(loadUplot), activity);
    const skeleton = () => root(el).querySelector<HTMLElement>('.frame > .skeleton');
    await until(() => skeleton() !== null, 'the skeleton');
    const card = root(el).querySelector('[part~="card"]')!;
    expect(card.getAttribute('aria-busy')).to.equal('true');
    expect(skeleton()!.getBoundingClientRect().height).to.equal(root(el).querySelector('.plot')!.getBoundingClientRect().height);
    expect(root(el).querySelectorAll('[part~="axis"] .tick').length).to.be.greaterThan(1);
    expect(canvasOf(el)).to.equal(null);
    await expect(el).to.be.accessible();

    arrive();
    await el.updateComplete;
    expect(canvasOf(el)).to.not.equal(null);
    expect(skeleton()).to.equal(null);
    expect(card.getAttribute('aria-busy')).to.equal('false');
  });

  it('shows a network error with a retry when uPlot cannot be fetched, and draws once a retry fetches it', async () => {
    let reachable = false;
    const el = await mountFetchingUplot(
      'test-chart-on-flaky-network',
      () => (reachable ? loadUplot() : Promise.reject(new TypeError('Failed to fetch dynamically imported module'))),
      activity,
    );
    await el.updateComplete;
    const error = root(el).querySelector('[part~="error"]');
    expect(error?.textContent).to.contain('Network error').and.contain('The chart could not be drawn: its code did not load.');
    expect(canvasOf(el)).to.equal(null);
    expect(root(el).querySelector('.meta')!.textContent).to.equal(`${count(expected.reduce((sum, b) => sum + b.total, 0))} events`);
    await expect(el).to.be.accessible();

    reachable = true;
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await drawn(el);
    expect(root(el).querySelector('[part~="error"]')).to.equal(null);
    expect((el.chart!.data[0] as number[]).length).to.equal(slotCount(6 * HOUR, BUCKET_6H));
  });

  it('shows a skeleton while loading, and is accessible', async () => {
    const el = await mountWithData(undefined);
    const card = root(el).querySelector('[part~="card"]')!;
    expect(card.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('.skeleton')).to.not.equal(null);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Loading activity…');
    expect(canvasOf(el)).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows "No activity in this range" without events, and is accessible', async () => {
    const { backend, userId } = await scenario([{ landing: '/old', batches: [{ at: -2 * DAY, events: 40 }] }], 'old-timer');
    const empty = await backend.getActivity(userId, { range: '6h' });
    const el = await mountWithData(empty);
    expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('No activity in this range');
    expect(canvasOf(el)).to.equal(null);
    expect(root(el).querySelector('.meta')!.textContent).to.equal('0 events');
    await expect(el).to.be.accessible();
  });

  it('renders untrusted pathnames as text only', async () => {
    const el = await mountWithData(activity);
    await drawn(el);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'PageDown' });
    await el.updateComplete;
    const tip = tooltipText(el)!;
    expect(tip.pages.map(([p]) => p)).to.include(EVIL);
    expect(root(el).querySelector('tbody')!.textContent).to.contain(EVIL);
    expect(root(el).querySelector('img, script, a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    (root(el).activeElement as HTMLElement).blur();
  });

  describe('standalone', () => {
    it('fetches the activity for its user-id and range from its backend, and refetches on a range change', async () => {
      const { backend, userId } = await scenario();
      const calls: unknown[] = [];
      const spy: DozorBackend = {
        ...backend,
        getActivity: (id, query, options) => (calls.push([id, query]), backend.getActivity(id, query, options)),
      };
      const el = await fixture<DozorActivityChart>(
        html`<dozor-activity-chart .backend=${spy} user-id=${userId} range="6h" locale="en-GB"></dozor-activity-chart>`,
      );
      await drawn(el);
      expect(calls).to.deep.equal([[userId, { range: '6h' }]]);
      expect(root(el).querySelectorAll('tbody tr').length).to.equal(expected.length);
      el.range = '7d';
      await until(() => calls.length === 2, 'the refetch');
      expect(calls[1]).to.deep.equal([userId, { range: '7d' }]);
      await until(() => (el.chart?.data[0] as number[] | undefined)?.length === slotCount(7 * DAY, HOUR), 'the 7d grid');
    });

    it('does not fetch when .data is given', async () => {
      const { backend, userId } = await scenario();
      let calls = 0;
      const spy: DozorBackend = { ...backend, getActivity: (...args) => (calls++, backend.getActivity(...args)) };
      const el = await fixture<DozorActivityChart>(
        html`<dozor-activity-chart .backend=${spy} user-id=${userId} .data=${activity}></dozor-activity-chart>`,
      );
      await drawn(el);
      expect(calls).to.equal(0);
    });

    it('shows an error with retry when its request fails, and is accessible', async () => {
      const { backend, userId } = await scenario();
      let fail = true;
      const flaky: DozorBackend = {
        ...backend,
        getActivity: (...args) =>
          fail ? Promise.reject(new DozorBackendError('network', 'Connection lost')) : backend.getActivity(...args),
      };
      const errors: string[] = [];
      const el = await fixture<DozorActivityChart>(
        html`<dozor-activity-chart .backend=${flaky} user-id=${userId} range="6h" @dozor-error=${(e: CustomEvent) => errors.push(e.detail.operation)}></dozor-activity-chart>`,
      );
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Network error');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Connection lost');
      expect(errors).to.deep.equal(['getActivity']);
      await expect(el).to.be.accessible();
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await drawn(el);
      expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    });
  });
});

import { expect, fixture, html } from '@open-wc/testing';
import '../../src/elements/provider/define.js';
import '../../src/elements/kpi-strip/define.js';
import '../../src/elements/status-badge/define.js';
import '../../src/elements/relative-time/define.js';
import '../../src/elements/user-tags/define.js';
import '../../src/elements/last-updated/define.js';
import type { DozorKpiStrip } from '../../src/elements/kpi-strip/kpi-strip.js';
import type { DozorProvider } from '../../src/elements/provider/provider.js';
import {
  createMemoryBackend,
  DozorBackendError,
  type DozorBackend,
  type MemoryBackend,
  type TrackedUsersSummary,
} from '../../src/backend/index.js';
import { body, events, metadata } from '../backend/memory-helpers.js';
import { gate, settled, until } from '../wait.js';
import { reconnectUnderFakeClock } from '../fake-clock.js';
import { computeTags, type LocaleNumbers } from '../../src/core/index.js';
import { USER_TAGS_STRINGS } from '../../src/elements/user-tags/user-tags.js';

const NOW = Date.now();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * 60 * MIN;
const KEY = `dp_${'c'.repeat(32)}`;
const shadow = (el: Element) => el.shadowRoot!;

let seq = 0;
/** `lastSeenAgo` per user; each user's single session ends then. */
function world(lastSeenAgo: number[]): MemoryBackend {
  const backend = createMemoryBackend({ projects: [{ id: 'p', name: 'App', key: KEY }] });
  lastSeenAgo.forEach((ago, i) => {
    backend.ingest(KEY, body(++seq, events(NOW - ago - 11_000, 12), metadata({ userIdentity: { userId: `user-${i}` } })));
  });
  return backend;
}

const values = (el: DozorKpiStrip) => [...shadow(el).querySelectorAll('[part="value"]')].map((v) => v.textContent!.trim());

function wrap(inner: DozorBackend, getSummary: DozorBackend['getSummary']): DozorBackend {
  const wrapper = Object.create(inner) as DozorBackend;
  wrapper.getSummary = getSummary;
  return wrapper;
}

describe('<dozor-kpi-strip>', () => {
  it('shows total, online, active 24h and new this week computed from the data, localized', async () => {
    // Online: ≤ 2 min; active: ≤ 24 h; every user here was first seen now-ish (new this week).
    const ago = [30_000, 90_000, 10 * MIN, 5 * 60 * MIN, 2 * DAY, 6 * DAY];
    const backend = world(ago);
    const el = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${backend}></dozor-kpi-strip>`);
    await until(() => values(el).length >= 4, 'summary');
    const online = ago.filter((a) => a <= 2 * MIN).length;
    const active = ago.filter((a) => a <= DAY).length;
    expect(values(el).slice(0, 4)).to.deep.equal([String(ago.length), String(online), String(active), String(ago.length)]);
    await expect(el).to.be.accessible();
  });

  it('without a summary shows only the total a list page reports, or nothing when there is none', async () => {
    const backend = world([30_000, 2 * DAY, 6 * DAY]);
    let summaries = 0;
    const limited = (total: boolean): DozorBackend => {
      const wrapper = wrap(backend, async () => {
        summaries++;
        return backend.getSummary();
      });
      Object.defineProperty(wrapper, 'capabilities', {
        value: { ...backend.capabilities, total, blocks: { ...backend.capabilities.blocks, summary: false } },
      });
      return wrapper;
    };
    const el = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${limited(true)}></dozor-kpi-strip>`);
    await until(() => values(el).length === 1, 'the total');
    expect(values(el)).to.deep.equal(['3']);
    expect(shadow(el).querySelectorAll('[part~="card"]').length).to.equal(1);
    await expect(el).to.be.accessible();
    el.backend = limited(false);
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="card"]')).to.equal(null);
    expect(summaries).to.equal(0);
  });

  it('says what each count includes, and that anonymous visitors are in them when they are', async () => {
    const backend = world([]);
    const counts = { total: 30, onlineNow: 3, active24h: 9, newThisWeek: 4, identified: 20 };
    const el = await fixture<DozorKpiStrip>(
      html`<dozor-kpi-strip .backend=${wrap(backend, async () => ({ ...counts, anonymous: 10 }))}></dozor-kpi-strip>`,
    );
    await until(() => values(el).length === 5, 'summary');
    const hints = [...shadow(el).querySelectorAll('[part="hint"]')].map((hint) => hint.textContent!.trim());
    expect(hints.slice(0, 4)).to.deep.equal([
      'Identified and anonymous, with or without a counted session',
      'Active in the last 2 minutes',
      'Active in the last 24 hours, online included',
      'Tracked for the first time in the last 7 days',
    ]);
    const note = () => shadow(el).querySelector('[part="note"]')!.textContent!.replace(/\s+/g, ' ').trim();
    expect(note()).to.equal(
      'These counts include anonymous visitors; the users list shows identified users unless its Identity filter says otherwise. Activity counts only sessions with at least 10 events lasting at least 1 second.',
    );
    el.backend = wrap(backend, async () => ({ ...counts, anonymous: 0 }));
    await until(() => !note().startsWith('These counts'), 'no anonymous note');
    await expect(el).to.be.accessible();
  });

  it('formats counts in the locale', async () => {
    const backend = world([]);
    const big = wrap(backend, async () => ({ total: 1234567, onlineNow: 1200, active24h: 45000, newThisWeek: 9876 }));
    const el = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${big} locale="de"></dozor-kpi-strip>`);
    await until(() => values(el).length === 4, 'summary');
    expect(values(el)).to.deep.equal(['1.234.567', '1.200', '45.000', '9.876']);
  });

  it('shows skeletons while loading, an error with retry, and recovers', async () => {
    const backend = world([30_000]);
    let calls = 0;
    let release: (() => void) | undefined;
    const flaky = wrap(backend, async (options) => {
      calls++;
      if (calls === 1) await new Promise<void>((resolve) => (release = resolve));
      if (calls <= 1) throw new DozorBackendError('network', 'Offline');
      return backend.getSummary(options);
    });
    const el = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${flaky}></dozor-kpi-strip>`);
    expect(shadow(el).querySelectorAll('.skeleton').length).to.equal(4);
    expect(shadow(el).querySelector('[part="cards"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    release!();
    await until(() => shadow(el).querySelector('[role="alert"]') !== null, 'error');
    expect(shadow(el).querySelector('[role="alert"]')!.textContent).to.contain('Offline');
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => values(el)[0] === '1', 'recovered');
  });

  it('never shows a stale answer over a newer one, and updates live on ingest', async () => {
    const backend = world([30_000]);
    const late = gate();
    let lateAnswer: Promise<TrackedUsersSummary> | undefined;
    const slowFirst = wrap(backend, (options) => {
      if (lateAnswer) return backend.getSummary(options);
      lateAnswer = backend.getSummary(options).then(async (fresh) => {
        await late.opened;
        return { ...fresh, total: 999 } satisfies TrackedUsersSummary;
      });
      return lateAnswer;
    });
    const el = await fixture<DozorKpiStrip>(html`<dozor-kpi-strip .backend=${slowFirst}></dozor-kpi-strip>`);
    el.refresh(); // call 2 answers first
    await until(() => values(el)[0] === '1', 'fresh');
    late.open();
    await lateAnswer;
    await settled();
    await el.updateComplete;
    expect(values(el)[0]).to.equal('1');
    backend.ingest(KEY, body(++seq, events(NOW - 11_000, 12), metadata({ userIdentity: { userId: 'late-arrival' } })));
    await until(() => values(el)[0] === '2', 'live update');
  });
});

describe('<dozor-provider>', () => {
  it('configures elements that were in the page before the provider was defined, and propagates changes', async () => {
    const backend = world([30_000, 3 * DAY]);
    const container = await fixture(html`<div></div>`);
    // Markup first (as a server-rendered page), configuration after: consumers must still find it.
    container.innerHTML = '<dozor-provider locale="de"><section><dozor-kpi-strip></dozor-kpi-strip></section></dozor-provider>';
    const provider = container.querySelector('dozor-provider') as DozorProvider;
    provider.backend = backend;
    const strip = container.querySelector('dozor-kpi-strip') as DozorKpiStrip;
    await until(() => values(strip)[0] === '2', 'provided backend');
    const other = world([30_000, 60_000, 90_000]);
    provider.backend = other;
    await until(() => values(strip)[0] === '3', 'new backend');
    expect(() => (provider.thresholds = { ONLINE: 10, ACTIVE_24H: 5, IDLE_7D: 1 })).to.throw(RangeError);
    expect(provider.thresholds).to.equal(undefined);
  });
});

describe('small blocks', () => {
  it('status badge: label, description and the provider-independent derivation from last event time', async () => {
    const badge = await fixture(
      html`<dozor-status-badge .lastEventAt=${new Date(Date.now() - 3 * DAY).toISOString()}></dozor-status-badge>`,
    );
    expect(shadow(badge).textContent).to.contain('Idle');
    expect(shadow(badge).querySelector('[part="badge"]')!.getAttribute('title')).to.equal('Last seen within the past 7 days');
    const explicit = await fixture(html`<dozor-status-badge status="ONLINE"></dozor-status-badge>`);
    expect(shadow(explicit).textContent).to.contain('Online');
    await expect(explicit).to.be.accessible();
  });

  it('relative time: text, exact time and machine value; empty for missing input', async () => {
    const at = Date.now() - 5 * MIN;
    const el = await fixture(html`<dozor-relative-time .datetime=${at} locale="en"></dozor-relative-time>`);
    const time = shadow(el).querySelector('time')!;
    expect(time.textContent).to.equal('5 minutes ago');
    expect(time.getAttribute('datetime')).to.equal(new Date(at).toISOString());
    expect(time.getAttribute('title')).to.match(/\d/);
    const empty = await fixture(html`<dozor-relative-time .datetime=${'not a date'}></dozor-relative-time>`);
    expect(shadow(empty).textContent!.trim()).to.equal('—');
  });

  it('relative time: a tick changes the words of the same <time>; another moment shows another', async () => {
    const at = Date.now() - 5 * MIN;
    const el = await fixture<HTMLElement & { updateComplete: Promise<boolean>; datetime: number }>(
      html`<dozor-relative-time .datetime=${at} locale="en"></dozor-relative-time>`,
    );
    const time = shadow(el).querySelector('time')!;
    const clock = await reconnectUnderFakeClock(el);
    try {
      await clock.tickAsync(3 * MIN);
      await el.updateComplete;
      expect(shadow(el).querySelector('time'), 'the same element').to.equal(time);
      expect(time.textContent).to.equal('8 minutes ago');
    } finally {
      clock.uninstall();
    }
    el.datetime = at - HOUR;
    await el.updateComplete;
    expect(shadow(el).querySelector('time')!.getAttribute('datetime')).to.equal(new Date(at - HOUR).toISOString());
  });

  it('user tags: chips with reasons as text; nothing for no tags', async () => {
    const tags = [
      { id: 'buyer' as const, label: 'Buyer', reason: '<b>2 orders</b>' },
      { id: 'new' as const, label: 'New user', reason: '1 session recorded' },
    ];
    const el = await fixture(html`<dozor-user-tags .tags=${tags}></dozor-user-tags>`);
    const chips = [...shadow(el).querySelectorAll('[part~="tag"]')];
    expect(chips.map((c) => c.getAttribute('title'))).to.deep.equal(['<b>2 orders</b>', '1 session recorded']);
    expect(shadow(el).querySelector('b')).to.equal(null);
    await expect(el).to.be.accessible();
    const none = await fixture(html`<dozor-user-tags .tags=${[]}></dozor-user-tags>`);
    expect(shadow(none).querySelector('ul')).to.equal(null);
  });

  it("user tags: words the reason from the rule's evidence in the element's strings, plurals included", async () => {
    const tags = computeTags({ sessionCount: 5, firstSeenAt: Date.now() - 65 * DAY });
    const strings = {
      tagReasons: {
        ...USER_TAGS_STRINGS.tagReasons,
        sessions: (count: number, n: LocaleNumbers) =>
          n.plural(count, { one: '# сесія', few: '# сесії', many: '# сесій', other: '# сесії' }),
      },
    };
    const el = await fixture(html`<dozor-user-tags .tags=${tags} .strings=${strings} locale="uk"></dozor-user-tags>`);
    expect([...shadow(el).querySelectorAll('[part~="tag"]')].map((c) => c.getAttribute('title'))).to.deep.equal([
      '5 сесій',
      'Tracked for 65 days',
    ]);
  });

  it('user tags: one line of what fits and a "+N" that names the rest and opens them all', async () => {
    const tags = computeTags({
      sessionCount: 42,
      firstSeenAt: Date.now() - 120 * DAY,
      traits: { email: 'ada@northwind.test', company: 'Northwind Labs', plan: 'pro' },
      orderCount: 2,
      identified: true,
    });
    const labels = tags.map((tag) => USER_TAGS_STRINGS.tagLabels[tag.id]);
    const box = await fixture<HTMLDivElement>(html`<div style="width: 190px"><dozor-user-tags .tags=${tags}></dozor-user-tags></div>`);
    const el = box.querySelector('dozor-user-tags')!;
    const more = () => shadow(el).querySelector<HTMLButtonElement>('[part~="more"]')!;
    const shownChips = () =>
      [...shadow(el).querySelectorAll<HTMLElement>('[part~="tag"]')].filter((chip) => getComputedStyle(chip).visibility !== 'hidden');
    await until(() => !more().disabled, 'the +N button');
    const shown = shownChips().length;
    expect(shown).to.be.greaterThan(0).and.lessThan(tags.length);
    // Nothing on the line spills past the element's box.
    const right = el.getBoundingClientRect().right;
    for (const part of [...shownChips(), more()]) expect(part.getBoundingClientRect().right).to.be.at.most(right + 0.5);
    const hidden = labels.slice(shown);
    expect(more().textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      `+${hidden.length} more tags: ${new Intl.ListFormat('en', { type: 'unit' }).format(hidden)}`,
    );
    await expect(el).to.be.accessible();
    more().click();
    const popover = shadow(el).querySelector<HTMLElement>('[part="popover"]')!;
    expect(popover.matches(':popover-open')).to.equal(true);
    expect([...popover.querySelectorAll('li')].map((item) => item.firstElementChild!.textContent)).to.deep.equal(labels);
    await expect(el).to.be.accessible();
    popover.hidePopover();
    box.style.width = '1200px';
    await until(() => more().disabled, 'every chip on the line');
    expect(shownChips().length).to.equal(tags.length);
    expect(getComputedStyle(more()).visibility).to.equal('hidden');
  });

  it('user tags: refit when their box changes width inside another shadow root (as in the list)', async () => {
    const tags = computeTags({
      sessionCount: 42,
      firstSeenAt: Date.now() - 120 * DAY,
      traits: { email: 'a@b.test', company: 'C' },
      orderCount: 1,
    });
    const host = await fixture<HTMLDivElement>(html`<div style="width: 150px"></div>`);
    const el = document.createElement('dozor-user-tags');
    el.tags = tags;
    host.attachShadow({ mode: 'open' }).append(el);
    const more = () => shadow(el).querySelector<HTMLButtonElement>('[part~="more"]');
    await until(() => more()?.disabled === false, 'the +N button');
    // Only the element's own box changes now (not a chip's): it alone must bring the refit.
    host.style.width = '1200px';
    await until(() => more()!.disabled, 'every chip on the line once wider');
    host.style.width = '150px';
    await until(() => el.hasHiddenTags, 'the +N button once narrower again');
    for (const chip of shadow(el).querySelectorAll<HTMLElement>('[part~="tag"]')) {
      if (getComputedStyle(chip).visibility !== 'hidden')
        expect(chip.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
    }
  });

  it('last updated: ticking text, refreshing state and a refresh request', async () => {
    const el = await fixture<HTMLElement & { updatedAt: number; refreshing: boolean; updateComplete: Promise<unknown> }>(
      html`<dozor-last-updated></dozor-last-updated>`,
    );
    expect(shadow(el).textContent).to.contain('Not updated yet');
    el.updatedAt = Date.now() - 2 * MIN;
    await el.updateComplete;
    const relative = shadow(el).querySelector('dozor-relative-time')!;
    await (relative as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(shadow(el).textContent).to.contain('Updated');
    expect(shadow(relative).textContent).to.contain('2 minutes ago');
    let requested = 0;
    el.addEventListener('dozor-refresh-request', () => requested++);
    shadow(el).querySelector('button')!.click();
    expect(requested).to.equal(1);
    el.refreshing = true;
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('Refreshing');
    expect(shadow(el).querySelector('button')!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sessions-timeline/define.js';
import type { DozorSessionsTimeline } from '../../src/elements/sessions-timeline/sessions-timeline.js';
import { DozorBackendError, type DozorBackend, type UserTimeline } from '../../src/backend/index.js';
import { DAY, HOUR, MINUTE, NOW, addUser, createScenario, type Scenario, type SessionSpec } from './profile-fixtures.js';
import { until } from '../wait.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const bars = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[part~="timeline-bar"]')];
const lanes = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[part~="lane"]')];
const percent = (value: string) => Number.parseFloat(value);

// Two overlapping sessions (two lanes) and a later one that fits the first lane again.
const SESSIONS: SessionSpec[] = [
  { start: -6 * HOUR, end: -5 * HOUR, events: 30, path: '/pricing' },
  { start: -5.5 * HOUR, end: -4 * HOUR, events: 40, path: '/docs' },
  { start: -3 * HOUR, end: -2 * HOUR, events: 20, path: '/checkout' },
  // Outside the 24h window, inside 7d.
  { start: -3 * DAY, end: -3 * DAY + 10 * MINUTE, events: 15, path: '/' },
];

async function setup(): Promise<{ scenario: Scenario; userId: string }> {
  const scenario = createScenario();
  const userId = await addUser(scenario, { externalId: 'user-ada', sessions: SESSIONS });
  return { scenario, userId };
}

describe('<dozor-sessions-timeline>', () => {
  let scenario: Scenario;
  let userId: string;
  let timeline: UserTimeline;

  beforeEach(async () => {
    ({ scenario, userId } = await setup());
    timeline = await scenario.backend.getTimeline(userId, { range: '24h' });
  });

  it('packs overlapping sessions into the fewest lanes and places each bar in the window', async () => {
    const el = await fixture<DozorSessionsTimeline>(
      html`<dozor-sessions-timeline .data=${timeline} locale="en-GB"></dozor-sessions-timeline>`,
    );
    expect(lanes(el).length).to.equal(2);
    expect(bars(el).map((bar) => bar.style.getPropertyValue('--_lane'))).to.deep.equal(['0', '1', '0']);
    const from = NOW - DAY;
    const expected = SESSIONS.slice(0, 3)
      .map((s) => ({ left: ((NOW + s.start - from) / DAY) * 100, width: ((s.end - s.start) / DAY) * 100 }))
      .sort((a, b) => a.left - b.left);
    const shown = bars(el)
      .map((bar) => ({ left: percent(bar.style.left), width: percent(bar.style.width) }))
      .sort((a, b) => a.left - b.left);
    shown.forEach((bar, i) => {
      expect(bar.left).to.be.closeTo(expected[i]!.left, 0.01);
      expect(bar.width).to.be.closeTo(expected[i]!.width, 0.01);
    });
    expect(root(el).querySelector('.meta')!.textContent!.trim()).to.equal('3 sessions · 2 lanes · 24 hours');
    expect(root(el).querySelector('[part="chart"]')!.getAttribute('aria-label')).to.equal('Sessions timeline: 3 sessions across 2 lanes.');
    const axis = [...root(el).querySelectorAll('[part="axis"] span')].map((span) => span.textContent);
    expect(axis).to.have.length(7);
    expect(axis[0]).to.equal('12:00');
    expect(axis[6]).to.equal('12:00');
    expect(bars(el)[0]!.getAttribute('aria-label')).to.equal(`Session ${timeline.sessions[0]!.externalId.slice(0, 12)}…, 1h`);
    await expect(el).to.be.accessible();
  });

  it('draws an open session to the window end, distinct and labelled ongoing', async () => {
    const open: UserTimeline = {
      ...timeline,
      sessions: [
        ...timeline.sessions,
        {
          id: 'open-1',
          externalId: 'live-session',
          startedAt: new Date(NOW - HOUR).toISOString(),
          endedAt: null,
          duration: 0,
          url: null,
          periods: [],
        },
      ],
    };
    const el = await fixture<DozorSessionsTimeline>(html`<dozor-sessions-timeline .data=${open}></dozor-sessions-timeline>`);
    const bar = bars(el).find((b) => b.getAttribute('aria-label')!.includes('live-session'))!;
    expect(bar.getAttribute('part')).to.equal('timeline-bar open');
    expect(bar.getAttribute('aria-label')).to.equal('Session live-session, ongoing');
    expect(percent(bar.style.left) + percent(bar.style.width)).to.be.closeTo(100, 0.01);
    expect(getComputedStyle(bar).backgroundColor).to.not.equal(getComputedStyle(bars(el).find((b) => b !== bar)!).backgroundColor);
  });

  it('shows a tooltip with the times, duration and pages on hover and focus', async () => {
    const el = await fixture<DozorSessionsTimeline>(
      html`<dozor-sessions-timeline .data=${timeline} locale="en-GB"></dozor-sessions-timeline>`,
    );
    const first = bars(el)[0]!;
    first.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const tip = root(el).querySelector('[part="tooltip"]')!;
    expect(tip.textContent).to.contain('13/05, 06:00 — 13/05, 07:00');
    expect(tip.textContent).to.contain('1h · 1 page');
    expect(tip.textContent).to.contain('/pricing');
    first.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(root(el).querySelector('[part="tooltip"]')).to.equal(null);
    // Keyboard: Tab goes through the bars in time order and the tooltip describes the focused one.
    first.focus();
    await el.updateComplete;
    expect(first.getAttribute('aria-describedby')).to.equal(root(el).querySelector('[role="tooltip"]')!.id);
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(root(el).querySelector('[role="tooltip"]')!.textContent).to.contain('/docs');
  });

  it('a bar is a disclosure: it opens the session journey under the chart, Escape closes it and focus returns', async () => {
    const el = await fixture<DozorSessionsTimeline>(
      html`<dozor-sessions-timeline .data=${timeline} user-id=${userId} locale="en-GB"></dozor-sessions-timeline>`,
    );
    const bar = bars(el)[1]!;
    expect(bar.tagName).to.equal('BUTTON');
    expect(bar.getAttribute('aria-expanded')).to.equal('false');
    bar.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(bar.getAttribute('aria-expanded')).to.equal('true');
    const panel = root(el).getElementById(bar.getAttribute('aria-controls')!)!;
    const journey = panel.querySelector('dozor-session-journey')!;
    expect(journey.session).to.equal(timeline.sessions[1]);
    await journey.updateComplete;
    expect([...journey.shadowRoot!.querySelectorAll('[part~="page"] .path')].map((path) => path.textContent)).to.deep.equal(['/docs']);
    await expect(el).to.be.accessible();
    // Another bar switches the journey; the same bar closes it.
    bars(el)[0]!.click();
    await el.updateComplete;
    expect(panel.querySelector('dozor-session-journey')!.session).to.equal(timeline.sessions[0]);
    expect(bar.getAttribute('aria-expanded')).to.equal('false');
    bars(el)[0]!.click();
    await el.updateComplete;
    expect(panel.querySelector('dozor-session-journey')).to.equal(null);
    // Escape from inside the journey closes it and focus goes back to its bar.
    bar.click();
    await el.updateComplete;
    const replay = panel.querySelector('dozor-session-journey')!;
    await replay.updateComplete;
    replay.shadowRoot!.querySelector<HTMLElement>('[part~="replay-link"]')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(panel.querySelector('dozor-session-journey')).to.equal(null);
    expect(root(el).activeElement).to.equal(bar);
  });

  it('the open journey links to the replay through session-href and fires a cancelable dozor-session-select', async () => {
    const el = await fixture<DozorSessionsTimeline>(
      html`<dozor-sessions-timeline .data=${timeline} user-id=${userId} session-href="/replays/{id}"></dozor-sessions-timeline>`,
    );
    bars(el)[0]!.click();
    await el.updateComplete;
    const journey = root(el).querySelector('dozor-session-journey')!;
    await journey.updateComplete;
    const link = journey.shadowRoot!.querySelector<HTMLAnchorElement>('[part~="replay-link"]')!;
    expect(link.getAttribute('href')).to.equal(`/replays/${encodeURIComponent(timeline.sessions[0]!.id)}`);
    el.addEventListener('dozor-session-select', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'dozor-session-select');
    expect(event.detail).to.deep.equal({ sessionId: timeline.sessions[0]!.id, userId });
    expect(event.defaultPrevented).to.equal(true);
  });

  it('renders untrusted ids and pathnames as text and never makes a javascript: link', async () => {
    const evil: UserTimeline = {
      ...timeline,
      sessions: [
        {
          id: 'x',
          externalId: '<img src=x onerror="window.__pwned=1">',
          startedAt: new Date(NOW - 2 * HOUR).toISOString(),
          endedAt: new Date(NOW - HOUR).toISOString(),
          duration: 3600,
          url: 'javascript:alert(1)',
          periods: [
            {
              url: 'javascript:alert(1)',
              pathname: '<script>window.__pwned=1</script>',
              startedAt: new Date(NOW - 2 * HOUR).toISOString(),
              endedAt: new Date(NOW - HOUR).toISOString(),
              duration: 3600,
            },
          ],
        },
      ],
    };
    const el = await fixture<DozorSessionsTimeline>(
      html`<dozor-sessions-timeline .data=${evil} session-href="javascript:alert('{id}')"></dozor-sessions-timeline>`,
    );
    const bar = bars(el)[0]!;
    expect(bar.tagName).to.equal('BUTTON');
    bar.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const tip = root(el).querySelector('[part="tooltip"]')!;
    expect(tip.textContent).to.contain('<script>window.__pwned=1</script>');
    expect(root(el).querySelector('img, script')).to.equal(null);
    expect(root(el).querySelector('a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows the empty state with the range when no session overlaps, and is accessible', async () => {
    const empty = await scenario.backend.getTimeline(userId, { range: '6h' }).then((t) => ({ ...t, sessions: [], pages: [] }));
    const el = await fixture<DozorSessionsTimeline>(html`<dozor-sessions-timeline .data=${empty} range="6h"></dozor-sessions-timeline>`);
    expect(root(el).querySelector('[part="empty"]')!.textContent).to.equal('No sessions in this range.');
    expect(root(el).querySelector('.meta')!.textContent).to.equal('6 hours');
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton while loading, and is accessible', async () => {
    const el = await fixture<DozorSessionsTimeline>(html`<dozor-sessions-timeline></dozor-sessions-timeline>`);
    expect(root(el).querySelector('.skeleton')).to.not.equal(null);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Loading sessions timeline…');
    await expect(el).to.be.accessible();
  });

  describe('standalone', () => {
    it('fetches its user-id for the range, and again when the range changes', async () => {
      const calls: string[] = [];
      const spy: DozorBackend = {
        ...scenario.backend,
        getTimeline: (id, query, options) => {
          calls.push(query.range);
          return scenario.backend.getTimeline(id, query, options);
        },
      };
      const el = await fixture<DozorSessionsTimeline>(
        html`<dozor-sessions-timeline .backend=${spy} user-id=${userId}></dozor-sessions-timeline>`,
      );
      await until(() => bars(el).length === 3, 'three bars');
      el.range = '7d';
      await until(() => bars(el).length === 4, 'four bars over 7 days');
      expect(calls).to.deep.equal(['24h', '7d']);
      expect(root(el).querySelector('.meta')!.textContent!.trim()).to.equal('4 sessions · 2 lanes · 7 days');
    });

    it('shows an error with retry when its request fails, and is accessible', async () => {
      let fail = true;
      const flaky: DozorBackend = {
        ...scenario.backend,
        getTimeline: (...args) =>
          fail ? Promise.reject(new DozorBackendError('network', 'offline')) : scenario.backend.getTimeline(...args),
      };
      const el = await fixture<DozorSessionsTimeline>(
        html`<dozor-sessions-timeline .backend=${flaky} user-id=${userId}></dozor-sessions-timeline>`,
      );
      await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error');
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Network error');
      await expect(el).to.be.accessible();
      fail = false;
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await until(() => bars(el).length === 3, 'bars after retry');
    });
  });
});

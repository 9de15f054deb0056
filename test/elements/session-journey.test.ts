import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/session-journey/define.js';
import type { DozorSessionJourney } from '../../src/elements/session-journey/session-journey.js';
import { DozorBackendError, type DozorBackend, type TimelineSession } from '../../src/backend/index.js';
import { custom, events, metadata } from '../backend/memory-helpers.js';
import { DAY, HOUR, MINUTE, NOW, createScenario, trackedUserId, uuid, type Scenario } from './profile-fixtures.js';
import { until } from '../wait.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const steps = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLElement>('[part~="step"]')];
const stepText = (step: HTMLElement) => step.textContent!.replace(/\s+/g, ' ').trim();

/** One session of `user-ada` that opens on `/` (its metadata), with url markers at +2 and +10 min; last event at +15 min. */
function ingestJourney(scenario: Scenario, start: number): string {
  const sessionId = uuid();
  const url = (path: string) => ({ url: `https://app.example.com${path}`, pathname: path });
  scenario.backend.ingest(scenario.projectKey, {
    sessionId,
    events: [
      ...events(start, 10, 10_000),
      custom('dozor:url', start + 2 * MINUTE, url('/pricing')),
      custom('dozor:url', start + 10 * MINUTE, url('/checkout')),
      ...events(start + 10 * MINUTE, 11, 30_000),
    ],
    metadata: metadata({ url: 'https://app.example.com/', userIdentity: { userId: 'user-ada' } }),
  });
  return sessionId;
}

async function setup(): Promise<{ scenario: Scenario; userId: string; sessionId: string; session: TimelineSession }> {
  const scenario = createScenario();
  const sdkSessionId = ingestJourney(scenario, NOW - 2 * HOUR);
  const userId = await trackedUserId(scenario.backend, 'user-ada');
  const timeline = await scenario.backend.getTimeline(userId, { range: '7d' });
  const session = timeline.sessions.find((s) => s.externalId === sdkSessionId)!;
  return { scenario, userId, sessionId: session.id, session };
}

describe('<dozor-session-journey>', () => {
  let scenario: Scenario;
  let userId: string;
  let sessionId: string;
  let session: TimelineSession;

  beforeEach(async () => {
    ({ scenario, userId, sessionId, session } = await setup());
  });

  it('reads the session from the memory backend and lists its pages in order with time on page, entry and exit', async () => {
    const el = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .backend=${scenario.backend} user-id=${userId} session-id=${sessionId} locale="en-GB"></dozor-session-journey>`,
    );
    await until(() => steps(el).length > 0, 'journey steps');
    const pageSteps = steps(el).filter((step) => step.part.contains('page'));
    expect(pageSteps.map((step) => step.querySelector('.path')!.textContent)).to.deep.equal(['/', '/pricing', '/checkout']);
    expect(pageSteps.map((step) => step.querySelector('.duration')!.textContent)).to.deep.equal(['2m on page', '8m on page', '5m on page']);
    expect(pageSteps[0]!.part.contains('entry')).to.equal(true);
    expect(pageSteps[2]!.part.contains('exit')).to.equal(true);
    expect(stepText(pageSteps[0]!)).to.contain('Entry');
    expect(stepText(pageSteps[2]!)).to.contain('Exit');
    expect(pageSteps[0]!.querySelector('.when')!.textContent).to.equal('10:00:00');
    expect(root(el).querySelector('.meta')!.textContent).to.equal('3 pages · 15m on pages');
    expect(root(el).querySelector('[part="journey"]')!.getAttribute('aria-label')).to.equal('Pages of the session in visit order, 3 pages');
    await expect(el).to.be.accessible();
  });

  it('shows the time with no page recorded as a gap, and an open session has a current page instead of an exit', async () => {
    const gapped: TimelineSession = {
      ...session,
      endedAt: null,
      periods: [
        { ...session.periods[0]!, endedAt: new Date(NOW - 2 * HOUR + MINUTE).toISOString(), duration: 60 },
        { ...session.periods[2]!, endedAt: null },
      ],
    };
    const el = await fixture<DozorSessionJourney>(html`<dozor-session-journey .session=${gapped} locale="en-GB"></dozor-session-journey>`);
    const all = steps(el);
    expect(all.map((step) => (step.part.contains('gap') ? 'gap' : 'page'))).to.deep.equal(['page', 'gap', 'page']);
    expect(stepText(all[1]!)).to.equal('9m with no page recorded');
    expect(all[2]!.part.contains('current')).to.equal(true);
    expect(stepText(all[2]!)).to.contain('Current page');
    expect(root(el).querySelector('[part~="exit"]')).to.equal(null);
    expect(root(el).querySelector('.meta')!.textContent).to.contain('ongoing');
    await expect(el).to.be.accessible();
  });

  it('links to the replay through session-href and fires a cancelable dozor-session-select', async () => {
    const el = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .session=${session} user-id=${userId} session-href="/replays/{id}"></dozor-session-journey>`,
    );
    const link = root(el).querySelector<HTMLAnchorElement>('[part~="replay-link"]')!;
    expect(link.getAttribute('href')).to.equal(`/replays/${encodeURIComponent(sessionId)}`);
    el.addEventListener('dozor-session-select', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'dozor-session-select');
    expect(event.detail).to.deep.equal({ sessionId, userId });
    expect(event.defaultPrevented).to.equal(true);
  });

  it('loading, empty, not in range and error states (with retry), each accessible', async () => {
    const pending: DozorBackend = { ...scenario.backend, getTimeline: () => new Promise(() => {}) };
    const loading = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .backend=${pending} user-id=${userId} session-id=${sessionId}></dozor-session-journey>`,
    );
    expect(root(loading).querySelector('[role="status"]')!.textContent).to.equal('Loading the journey…');
    expect(root(loading).querySelector('[part="card"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(loading).to.be.accessible();

    const empty = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .session=${{ ...session, periods: [] }}></dozor-session-journey>`,
    );
    expect(root(empty).querySelector('[part="empty"]')!.textContent).to.equal('No pages were recorded in this session.');
    await expect(empty).to.be.accessible();

    scenario.clock.now = NOW + 2 * DAY;
    const missing = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .backend=${scenario.backend} user-id=${userId} session-id=${sessionId} range="24h"></dozor-session-journey>`,
    );
    await until(() => root(missing).querySelector('[part="empty"]') !== null, 'not in range');
    expect(root(missing).querySelector('[part="empty"]')!.textContent).to.equal('This session has no pages in the last 24 hours.');
    await expect(missing).to.be.accessible();
    scenario.clock.now = NOW;

    let fail = true;
    const flaky: DozorBackend = {
      ...scenario.backend,
      getTimeline: (...args) => (fail ? Promise.reject(new DozorBackendError('server', 'Boom')) : scenario.backend.getTimeline(...args)),
    };
    const failed = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .backend=${flaky} user-id=${userId} session-id=${sessionId}></dozor-session-journey>`,
    );
    await until(() => root(failed).querySelector('[part="error"]') !== null, 'error state');
    expect(root(failed).querySelector('[part="error"]')!.textContent).to.contain('Server error');
    await expect(failed).to.be.accessible();
    fail = false;
    root(failed).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => steps(failed).length > 0, 'journey after retry');
  });

  it('renders untrusted pathnames as text', async () => {
    const evil: TimelineSession = {
      ...session,
      periods: [{ ...session.periods[0]!, pathname: '<img src=x onerror="window.__pwned=1">', url: 'javascript:alert(1)' }],
    };
    const el = await fixture<DozorSessionJourney>(
      html`<dozor-session-journey .session=${evil} session-href="javascript:alert('{id}')"></dozor-session-journey>`,
    );
    expect(root(el).querySelector('.path')!.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('a')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/elements/range-selector/define.js';
import '../../src/elements/traits-inspector/define.js';
import '../../src/elements/display-name-editor/define.js';
import '../../src/elements/user-profile/define.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import { DozorBackendError, type DozorBackend } from '../../src/backend/index.js';
import {
  DAY,
  HOUR,
  MINUTE,
  NOW,
  addUser,
  createScenario,
  englishDuration,
  expectedStats,
  providerHost,
  withRole,
  type Scenario,
  type SessionSpec,
} from './profile-fixtures.js';
import { settled, until } from '../wait.js';
import { checkCopyButton } from './copy-button.js';
import { registerTranslations } from '../../src/elements/shared/translations.js';
import de from '../../src/locales/de.js';

const SESSIONS: SessionSpec[] = [
  // online now: ended 30 s ago
  { start: -20 * MINUTE, end: -30_000, events: 40, path: '/checkout' },
  { start: -3 * HOUR, end: -3 * HOUR + 25 * MINUTE, events: 25, path: '/pricing' },
  { start: -10 * HOUR, end: -10 * HOUR + 5 * MINUTE, events: 12, path: '/pricing' },
  { start: -3 * DAY, end: -3 * DAY + HOUR + 30_000, events: 120, path: '/docs' },
  // throwaway: too few events, never counted
  { start: -2 * HOUR, end: -HOUR, events: 5, path: '/ignored' },
  // outside every range
  { start: -9 * DAY, end: -9 * DAY + HOUR, events: 30, path: '/old' },
];
const TRAITS = { email: 'ada@example.com', name: 'Ada', plan: 'pro', company: 'Analytical Engines' };

const root = (el: Element) => el.shadowRoot!;

async function mount(backend: DozorBackend, userId: string, role: 'OWNER' | 'ADMIN' | 'VIEWER' = 'VIEWER', range?: string) {
  const host = providerHost(withRole(backend, role));
  const el = document.createElement('dozor-user-profile');
  el.userId = userId;
  if (range) el.setAttribute('range', range);
  host.append(el);
  await fixture(host);
  return el;
}

async function scenarioWithAda(): Promise<{ scenario: Scenario; userId: string }> {
  const scenario = createScenario();
  const userId = await addUser(scenario, { externalId: 'user-ada', traits: TRAITS, sessions: SESSIONS });
  return { scenario, userId };
}

function stats(el: DozorUserProfile): Record<string, { value: string; sub: string }> {
  const out: Record<string, { value: string; sub: string }> = {};
  for (const card of root(el).querySelectorAll('[part~="stat"]')) {
    out[card.querySelector('.stat-label')!.textContent!.trim()] = {
      value: card.querySelector('.stat-value')?.textContent!.trim() ?? '',
      sub: card.querySelector('.stat-sub')!.textContent!.trim(),
    };
  }
  return out;
}

const loadedStats = (el: DozorUserProfile) => until(() => root(el).querySelector('[part~="stat"] .stat-value') !== null, 'stats');
const loadedHeader = (el: DozorUserProfile) => until(() => root(el).querySelector('#display-name') !== null, 'the header');

/** A backend whose reads wait for `release()`, recording when each started. */
function gatedBackend(inner: DozorBackend) {
  const started: { method: string; at: number; signal: AbortSignal | undefined }[] = [];
  const resolved: string[] = [];
  let open = false;
  const waiters: (() => void)[] = [];
  const gate = () => (open ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)));
  const wrap =
    <A extends unknown[], R>(method: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const options = args[args.length - 1] as { signal?: AbortSignal } | undefined;
      started.push({ method, at: performance.now(), signal: options?.signal });
      await gate();
      const result = await fn(...args);
      resolved.push(method);
      return result;
    };
  const backend: DozorBackend = {
    ...inner,
    getUser: wrap('getUser', inner.getUser),
    getActivity: wrap('getActivity', inner.getActivity),
    getTimeline: wrap('getTimeline', inner.getTimeline),
    getStatus: wrap('getStatus', inner.getStatus),
    listSessions: wrap('listSessions', inner.listSessions),
  };
  return {
    backend,
    started,
    resolved,
    release() {
      open = true;
      for (const resolve of waiters.splice(0)) resolve();
    },
  };
}

describe('<dozor-user-profile>', () => {
  it('shows the header fields of the user', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const el = await mount(scenario.backend, userId);
    await loadedHeader(el);
    await until(() => root(el).querySelector('[part~="online"]')!.textContent!.includes('Online now'), 'online');
    const header = root(el).querySelector('[part~="header"]')!;
    expect(root(el).querySelector('#display-name')!.textContent).to.equal('user-ada');
    expect(header.querySelector('code')!.textContent).to.equal('user-ada');
    const badges = [...header.querySelectorAll('[part~="badge"]')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(badges).to.deep.equal([
      'Project: Production',
      `Tracked since ${new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(NOW)}`,
      '5 sessions',
      'Identified',
    ]);
    const online = root(el).querySelector('[part~="online"]')!;
    expect(online.getAttribute('role')).to.equal('status');
    await expect(el).to.be.accessible();
  });

  it('shows every stat in full on a phone in German: a long duration wraps between its units', async () => {
    registerTranslations(de);
    const { scenario, userId } = await scenarioWithAda();
    const host = providerHost({ ...withRole(scenario.backend, 'VIEWER'), locale: 'de' });
    host.style.width = '390px';
    const el = document.createElement('dozor-user-profile');
    el.userId = userId;
    el.setAttribute('range', '7d');
    host.append(el);
    await fixture(host);
    await until(() => stats(el)['Ø Sitzung']?.value.includes('Min.') === true, 'the German stats');
    const values = [...root(el).querySelectorAll<HTMLElement>('.stat-value:not(.mono)')];
    expect(values.filter((value) => value.scrollWidth > value.clientWidth).map((value) => value.textContent)).to.deep.equal([]);
    const valueOf = (label: string) =>
      [...root(el).querySelectorAll('[part~="stat"]')]
        .find((card) => card.querySelector('.stat-label')!.textContent!.trim() === label)!
        .querySelector<HTMLElement>('.stat-value')!;
    const [average, count] = [valueOf('Ø Sitzung'), valueOf('Sitzungen')];
    expect(average.getBoundingClientRect().height, `"${average.textContent}" on two lines`).to.be.above(
      1.5 * count.getBoundingClientRect().height,
    );
    await expect(el).to.be.accessible();
  });

  it('Copy ID copies the tracked id and says Copied for 1.5 s; a failure is announced', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const el = await mount(scenario.backend, userId);
    await loadedHeader(el);
    const copy = root(el).querySelector<HTMLButtonElement>('[part~="copy-button"]')!;
    const status = () => copy.closest('section')!.querySelector(':scope > [role="status"]')!.textContent;
    await checkCopyButton(el, copy, status, {
      text: 'user-ada',
      idle: 'Copy ID',
      succeeded: 'Copied the ID to the clipboard',
      failed: 'Failed to copy to clipboard',
    });
  });

  it('words a profile tracked without a counted session so both facts read true together', async () => {
    const scenario = createScenario();
    // One throwaway session (too few events): the profile exists, no session counts.
    const userId = await addUser(scenario, { externalId: 'user-new', sessions: [{ start: -2 * HOUR, end: -HOUR, events: 5, path: '/' }] });
    const el = await mount(scenario.backend, userId);
    await loadedHeader(el);
    const header = root(el).querySelector('[part~="header"]')!;
    const texts = [...header.querySelectorAll('[part~="badge"], [part~="online"]')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(texts).to.include('No counted session yet');
    expect(texts).to.include('0 sessions');
    expect(texts.some((text) => text.startsWith('Tracked since '))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const range of ['6h', '24h', '7d'] as const) {
    it(`shows the six stats for ${range}`, async () => {
      const { scenario, userId } = await scenarioWithAda();
      const el = await mount(scenario.backend, userId, 'VIEWER', range);
      await loadedStats(el);
      const expected = expectedStats(SESSIONS, range);
      const label = { '6h': 'last 6 hours', '24h': 'last 24 hours', '7d': 'last 7 days' }[range];
      const shown = stats(el);
      expect(Object.keys(shown)).to.deep.equal(['Sessions', 'Active time', 'Avg session', 'Events', 'Unique pages', 'Top page']);
      expect(shown['Sessions']).to.deep.equal({ value: String(expected.sessionCount), sub: label });
      expect(shown['Active time']).to.deep.equal({ value: englishDuration(expected.totalActiveTime), sub: label });
      expect(shown['Avg session']).to.deep.equal({
        value: englishDuration(expected.avgSessionDuration),
        sub: `across ${expected.sessionCount} ${expected.sessionCount === 1 ? 'session' : 'sessions'}`,
      });
      expect(shown['Events']).to.deep.equal({ value: new Intl.NumberFormat('en-GB').format(expected.totalEvents), sub: label });
      expect(shown['Unique pages']).to.deep.equal({ value: String(expected.uniquePages), sub: label });
      expect(shown['Top page']).to.deep.equal({ value: expected.topPage!, sub: 'most time spent' });
      // The timeline shows every real session overlapping the window; the table every real session.
      const windowStart = NOW - { '6h': 6 * HOUR, '24h': DAY, '7d': 7 * DAY }[range];
      const overlapping = SESSIONS.filter((s) => s.events >= 10 && NOW + s.end >= windowStart).length;
      const timeline = root(el).querySelector('dozor-sessions-timeline')!;
      await until(() => root(timeline).querySelectorAll('[part~="timeline-bar"]').length === overlapping, `${overlapping} timeline bars`);
      const table = root(el).querySelector('dozor-sessions-table')!;
      await until(() => root(table).querySelectorAll('tbody tr').length === 5, 'five session rows');
    });
  }

  it('shows "—" and "no sessions" when the range is empty, and is accessible', async () => {
    const scenario = createScenario();
    const userId = await addUser(scenario, {
      externalId: 'old-timer',
      sessions: [{ start: -5 * DAY, end: -5 * DAY + MINUTE, events: 20, path: '/' }],
    });
    const el = await mount(scenario.backend, userId, 'VIEWER', '6h');
    await loadedStats(el);
    const shown = stats(el);
    expect(shown['Sessions']!.value).to.equal('0');
    expect(shown['Active time']!.value).to.equal('—');
    expect(shown['Avg session']).to.deep.equal({ value: '—', sub: 'no sessions' });
    expect(shown['Top page']).to.deep.equal({ value: '—', sub: 'last 6 hours' });
    await until(() => root(el).querySelector('[part~="online"]')!.textContent!.includes('Last seen'), 'last seen');
    await expect(el).to.be.accessible();
  });

  it('gates the edit button by role: a VIEWER sees none, an ADMIN opens the editor', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const viewer = await mount(scenario.backend, userId, 'VIEWER');
    await loadedHeader(viewer);
    expect(root(viewer).querySelector('[part~="edit-button"]')).to.equal(null);
    expect(root(viewer).querySelector('dozor-display-name-editor')).to.equal(null);
    const admin = await mount(scenario.backend, userId, 'ADMIN');
    await loadedHeader(admin);
    const edit = root(admin).querySelector<HTMLButtonElement>('[part~="edit-button"]')!;
    expect(edit.textContent!.trim()).to.equal('Edit display name');
    edit.focus();
    edit.click();
    const editor = root(admin).querySelector('dozor-display-name-editor')!;
    await editor.updateComplete;
    expect(editor.shadowRoot!.querySelector('dialog')!.open).to.equal(true);
    editor.close();
    await until(() => !editor.shadowRoot!.querySelector('dialog')!.open, 'close');
    expect(root(admin).activeElement).to.equal(edit);
  });

  it('after a rename the header shows the new name at once and the detail is refetched', async () => {
    const { scenario, userId } = await scenarioWithAda();
    let getUserCalls = 0;
    const backend: DozorBackend = { ...scenario.backend, getUser: (...args) => (getUserCalls++, scenario.backend.getUser(...args)) };
    const el = await mount(backend, userId, 'OWNER');
    await loadedHeader(el);
    const editor = root(el).querySelector('dozor-display-name-editor')!;
    await until(() => editor.shadowRoot!.querySelector('#customName-input') !== null, 'editor');
    const input = editor.shadowRoot!.querySelector<HTMLInputElement>('#customName-input')!;
    input.value = 'Countess';
    input.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    const calls = getUserCalls;
    setTimeout(() => editor.shadowRoot!.querySelector<HTMLButtonElement>('[part~="set-button"]')!.click());
    const event = await oneEvent(el, 'dozor-display-name-change');
    expect(event.detail.displayName).to.equal('Countess');
    await el.updateComplete;
    expect(root(el).querySelector('#display-name')!.textContent).to.equal('Countess');
    await until(() => getUserCalls > calls, 'the detail refetch');
    expect((await scenario.backend.listUsers({ search: 'Countess' })).data.map((u) => u.id)).to.deep.equal([userId]);
  });

  it('starts every request for a range in parallel', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const gated = gatedBackend(scenario.backend);
    const el = await mount(gated.backend, userId);
    await expect(el).to.be.accessible();
    expect(gated.resolved).to.deep.equal([]);
    expect(gated.started.map((c) => c.method).sort()).to.deep.equal(['getActivity', 'getStatus', 'getTimeline', 'getUser', 'listSessions']);
    gated.release();
    await loadedStats(el);
  });

  it('a range change fires dozor-range-change, aborts the requests in flight and refetches with the new range', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const gated = gatedBackend(scenario.backend);
    const el = await mount(gated.backend, userId);
    const selector = root(el).querySelector('dozor-range-selector')!;
    const first = gated.started.filter((c) => c.method === 'getActivity' || c.method === 'getTimeline');
    expect(first.length).to.equal(2);
    setTimeout(() => selector.shadowRoot!.querySelector<HTMLButtonElement>('[data-range="7d"]')!.click());
    const event = await oneEvent(el, 'dozor-range-change');
    expect(event.detail).to.deep.equal({ range: '7d' });
    await el.updateComplete;
    expect(el.getAttribute('range')).to.equal('7d');
    expect(first.every((c) => c.signal?.aborted)).to.equal(true);
    const again = gated.started.filter((c) => (c.method === 'getActivity' || c.method === 'getTimeline') && !c.signal?.aborted);
    expect(again.length).to.equal(2);
    gated.release();
    await loadedStats(el);
    expect(stats(el)['Sessions']!.value).to.equal(String(expectedStats(SESSIONS, '7d').sessionCount));
  });

  it('aborts everything on disconnect', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const gated = gatedBackend(scenario.backend);
    const el = await mount(gated.backend, userId);
    el.parentElement!.remove();
    expect(gated.started.length).to.equal(5);
    expect(gated.started.every((c) => c.signal?.aborted)).to.equal(true);
  });

  it('a page-limit change refetches the activity only', async () => {
    const { scenario, userId } = await scenarioWithAda();
    const gated = gatedBackend(scenario.backend);
    gated.release();
    const el = await mount(gated.backend, userId);
    await loadedStats(el);
    const before = gated.started.length;
    const pages = root(el).querySelector('dozor-page-distribution')!;
    pages.dispatchEvent(new CustomEvent('dozor-page-limit-change', { detail: { pageLimit: 15 }, bubbles: true, composed: true }));
    await el.updateComplete;
    const calls = gated.started.slice(before);
    expect(calls.map((c) => c.method)).to.deep.equal(['getActivity']);
  });

  it('shows the not-found state with "Back to users"', async () => {
    const { scenario } = await scenarioWithAda();
    const el = await mount(scenario.backend, 'usr_missing');
    await until(() => root(el).querySelector('[part~="not-found"]') !== null, 'not found');
    expect(root(el).querySelector('h2')!.textContent).to.equal('User not found');
    expect(root(el).textContent).to.contain(
      "This tracked user may have been deleted, or you don't have access to the project that owns it.",
    );
    await expect(el).to.be.accessible();
    setTimeout(() => root(el).querySelector<HTMLButtonElement>('[part~="back-button"]')!.click());
    const event = await oneEvent(el, 'dozor-back');
    expect(event.detail).to.deep.equal({ userId: 'usr_missing' });
  });

  it('shows an error state with retry when the detail fails', async () => {
    const { scenario, userId } = await scenarioWithAda();
    let fail = true;
    const backend: DozorBackend = {
      ...scenario.backend,
      getUser: (...args) => (fail ? Promise.reject(new DozorBackendError('server', 'Boom')) : scenario.backend.getUser(...args)),
    };
    const el = await mount(backend, userId);
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'error');
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.contain('Server error');
    await expect(el).to.be.accessible();
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loadedHeader(el);
  });

  it('mirrors the range into ?range= with sync-url and restores it', async () => {
    const original = window.location.href;
    try {
      const url = new URL(window.location.href);
      url.searchParams.set('range', '6h');
      window.history.replaceState(null, '', url);
      const { scenario, userId } = await scenarioWithAda();
      const host = providerHost(withRole(scenario.backend, 'VIEWER'));
      const el = document.createElement('dozor-user-profile');
      el.userId = userId;
      el.setAttribute('sync-url', '');
      host.append(el);
      await fixture(host);
      expect(el.range).to.equal('6h');
      el.range = '7d';
      await el.updateComplete;
      expect(new URL(window.location.href).searchParams.get('range')).to.equal('7d');
    } finally {
      window.history.replaceState(null, '', original);
    }
  });

  it('renders untrusted ids, names, traits and project names as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const scenario = createScenario(evil);
    const userId = await addUser(scenario, {
      externalId: evil,
      traits: { email: 'javascript:alert(1)', [evil]: evil },
      sessions: [{ start: -HOUR, end: -HOUR + MINUTE, events: 12, path: '/<script>' }],
    });
    await scenario.backend.updateDisplayName(userId, { customName: `javascript:alert(1)${evil}` });
    const el = await mount(scenario.backend, userId, 'ADMIN');
    await loadedHeader(el);
    await loadedStats(el);
    await settled(); // the nested blocks have their answers too
    const all = [el, ...root(el).querySelectorAll('*')].flatMap((node) => [
      node,
      ...(node.shadowRoot ? node.shadowRoot.querySelectorAll('*') : []),
    ]);
    expect(all.some((node) => node.tagName === 'IMG' || node.tagName === 'SCRIPT')).to.equal(false);
    expect(all.some((node) => node.tagName === 'A' && /^javascript:/i.test(node.getAttribute('href') ?? ''))).to.equal(false);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect(root(el).querySelector('#display-name')!.textContent).to.equal(`javascript:alert(1)${evil}`);
    expect(root(el).querySelector('code')!.textContent).to.equal(evil);
    expect(root(el).querySelector('[part~="header"]')!.textContent).to.contain(evil);
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/elements/sessions-table/define.js';
import type { DozorSessionsTable } from '../../src/elements/sessions-table/sessions-table.js';
import { DozorBackendError, type DozorBackend, type Page, type SessionListItem } from '../../src/backend/index.js';
import { formatDateTime, formatRelative, summarizeUserAgent } from '../../src/core/index.js';
import { replayDirect, replayTarget, type SdkTraffic } from '../backend/sdk-replay.js';
import { HOUR, MINUTE, NOW, createScenario, englishDuration, ingestSession, type Scenario, type SessionSpec } from './profile-fixtures.js';
import { until } from '../wait.js';
import { registerTranslations } from '../../src/elements/shared/translations.js';
import de from '../../src/locales/de.js';

const root = (el: HTMLElement) => el.shadowRoot!;
const rows = (el: HTMLElement) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const cells = (el: HTMLElement) => rows(el).map((row) => [...row.children].map((cell) => cell.textContent!.trim()));
const loadMore = (el: HTMLElement) => root(el).querySelector<HTMLButtonElement>('[part~="load-more"]');

// 25 sessions, one per hour, of 1..25 minutes and 10+i events: newest first is i = 0, 1, …
const SESSIONS: SessionSpec[] = Array.from({ length: 25 }, (_, i) => ({
  start: -(i + 1) * HOUR,
  end: -(i + 1) * HOUR + (i + 1) * MINUTE,
  events: 10 + i,
  path: `/p/${i}`,
}));
const user = { externalId: 'user-ada', sessions: SESSIONS };

describe('<dozor-sessions-table>', () => {
  let scenario: Scenario;
  let userId: string;

  beforeEach(async () => {
    scenario = createScenario();
    // Oldest first, each recorded when it ended, as a live server would have created them.
    for (const session of [...SESSIONS].reverse()) {
      scenario.clock.now = NOW + session.end;
      ingestSession(scenario, user, session);
    }
    scenario.clock.now = NOW;
    userId = (await scenario.backend.listUsers({ search: 'user-ada' })).data[0]!.id;
  });

  it('lists the sessions newest first and loads more by cursor until the end', async () => {
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${scenario.backend} user-id=${userId} .limit=${10} locale="en-GB"></dozor-sessions-table>`,
    );
    await until(() => rows(el).length === 10, 'the first page');
    const expected = SESSIONS.map((s) => [englishDuration(Math.round((s.end - s.start) / 1000)), String(s.events)]);
    expect(cells(el).map((row) => row.slice(-2))).to.deep.equal(expected.slice(0, 10));
    expect(root(el).querySelector('.meta')!.textContent).to.equal('10 sessions shown');
    await expect(el).to.be.accessible();
    loadMore(el)!.click();
    await el.updateComplete;
    expect(loadMore(el)!.textContent!.trim()).to.equal('Loading…');
    expect(loadMore(el)!.getAttribute('aria-disabled')).to.equal('true');
    await until(() => rows(el).length === 20, 'the second page');
    loadMore(el)!.click();
    await until(() => rows(el).length === 25, 'the last page');
    expect(cells(el).map((row) => row.slice(-2))).to.deep.equal(expected);
    expect(loadMore(el)).to.equal(null);
    const ids = rows(el).map((row) => row.querySelector('[part="link"]')!.getAttribute('title'));
    expect(new Set(ids).size).to.equal(25);
    // The relative start of the newest session, against the real clock as the element ticks with it.
    const started = rows(el)[0]!.querySelector('dozor-relative-time')!.shadowRoot!.querySelector('time')!;
    expect(started.textContent).to.equal(formatRelative(NOW - HOUR, Date.now(), 'en-GB'));
    expect(started.getAttribute('datetime')).to.equal(new Date(NOW - HOUR).toISOString());
  });

  it('shows when each session started, its entry page and the browser the real SDK reported', async () => {
    const traffic = (await (await fetch(new URL('../fixtures/dozor-sdk-1.1.0/traffic.json', import.meta.url))).json()) as SdkTraffic;
    const { backend, setNow } = replayTarget(traffic);
    replayDirect(traffic, backend, setNow);
    // Visitor C: one session, identified at once.
    const visitorC = traffic.requests.find((request) => request.visitor === 'C')!.body as unknown as {
      metadata: {
        url: string;
        userAgent: string;
        screenWidth: number;
        screenHeight: number;
        language: string;
        userIdentity: { userId: string };
      };
    };
    const { metadata } = visitorC;
    const userC = (await backend.listUsers({ search: metadata.userIdentity.userId })).data[0]!;
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${backend} user-id=${userC.id} locale="en-US"></dozor-sessions-table>`,
    );
    await until(() => rows(el).length === 1, 'the session');
    const headers = [...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers.slice(1)).to.deep.equal(['Session', 'Started', 'Entry page', 'Device', 'Duration', 'Events']);
    const [session] = (await backend.listSessions(userC.id)).data;
    const [, id, started, entry, device] = [...rows(el)[0]!.children] as HTMLElement[];
    expect(id!.querySelector('[part="link"]')!.textContent!.trim()).to.equal(session!.externalId);
    const startedAt = Date.parse(session!.startedAt!);
    const when = formatDateTime(startedAt, { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }, 'en-US');
    expect(started!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(when);
    expect(started!.querySelector('dozor-relative-time')!.shadowRoot!.textContent).to.equal(formatRelative(startedAt, Date.now(), 'en-US'));
    const url = new URL(metadata.url);
    expect([...entry!.querySelectorAll('.stacked > span')].map((line) => line.textContent)).to.deep.equal([url.pathname, url.host]);
    expect(entry!.querySelector('[title]')!.getAttribute('title')).to.equal(metadata.url);
    const agent = summarizeUserAgent(metadata.userAgent);
    expect([...device!.querySelectorAll('.stacked > span')].map((line) => line.textContent)).to.deep.equal([
      `${agent.browser} · ${agent.os}`,
      `Desktop · ${metadata.screenWidth}×${metadata.screenHeight} · ${metadata.language}`,
    ]);
    await expect(el).to.be.accessible();
  });

  it('leaves out the device without capabilities.sessionClient and the entry page when no session has one', async () => {
    const page = await scenario.backend.listSessions(userId, { limit: 3 });
    const noClient: DozorBackend = { ...scenario.backend, capabilities: { ...scenario.backend.capabilities, sessionClient: false } };
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .data=${page} .backend=${noClient} user-id=${userId}></dozor-sessions-table>`,
    );
    const headers = () => [...root(el).querySelectorAll('thead th')].slice(1).map((th) => th.textContent!.trim());
    expect(headers()).to.deep.equal(['Session', 'Started', 'Entry page', 'Duration', 'Events']);
    el.data = { ...page, data: page.data.map((session) => ({ ...session, url: null })) };
    await el.updateComplete;
    expect(headers()).to.deep.equal(['Session', 'Started', 'Duration', 'Events']);
    expect(rows(el)[0]!.children.length).to.equal(5);
  });

  it('never lists a session twice and stops when a page adds nothing new', async () => {
    const all = await scenario.backend.listSessions(userId, { limit: 100 });
    let calls = 0;
    // A server that repeats rows across pages and then serves the same page forever (reference §7).
    const quirky: DozorBackend = {
      ...scenario.backend,
      listSessions: async (_id, query) => {
        calls++;
        const start = query?.cursor ? Number(query.cursor) : 0;
        const page: Page<SessionListItem> = {
          data: all.data.slice(Math.min(start, 15), Math.min(start, 15) + 10),
          nextCursor: String(start + 5),
        };
        return page;
      },
    };
    const el = await fixture<DozorSessionsTable>(html`<dozor-sessions-table .backend=${quirky} user-id=${userId}></dozor-sessions-table>`);
    await until(() => rows(el).length === 10, 'the first page');
    for (let i = 0; i < 6 && loadMore(el); i++) {
      const before = calls;
      loadMore(el)!.click();
      await el.updateComplete;
      await until(
        () => calls > before && !loadMore(el)?.textContent?.includes('Loading'),
        `page ${i + 2} (calls ${calls}, rows ${rows(el).length})`,
      );
      await el.updateComplete;
    }
    const ids = rows(el).map((row) => row.querySelector('[part="link"]')!.getAttribute('title'));
    expect(ids).to.deep.equal(all.data.slice(0, 25).map((s) => s.externalId));
    expect(loadMore(el)).to.equal(null);
  });

  it('keeps the further pages when the owner passes a refreshed first page', async () => {
    const first = await scenario.backend.listSessions(userId, { limit: 10 });
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .data=${first} .backend=${scenario.backend} user-id=${userId} .limit=${10}></dozor-sessions-table>`,
    );
    expect(rows(el).length).to.equal(10);
    loadMore(el)!.click();
    await until(() => rows(el).length === 20, 'the second page');
    el.data = await scenario.backend.listSessions(userId, { limit: 10 });
    await el.updateComplete;
    expect(rows(el).length).to.equal(20);
  });

  it("forgets the further pages for another user, and a late page of the old user's never lands", async () => {
    let release: (() => void) | undefined;
    const slow: DozorBackend = {
      ...scenario.backend,
      listSessions: async (id, query, opts) => {
        if (query?.cursor && !release) await new Promise<void>((resolve) => (release = resolve));
        return scenario.backend.listSessions(id, query, opts);
      },
    };
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${slow} user-id=${userId} .limit=${10}></dozor-sessions-table>`,
    );
    await until(() => rows(el).length === 10, 'the first page');
    loadMore(el)!.click();
    await until(() => release !== undefined, 'the second page asked');
    el.userId = 'someone-else';
    await el.updateComplete;
    release!();
    await until(() => root(el).querySelector('[part="empty"], [part~="error"]') !== null, "the other user's answer");
    expect(rows(el).length).to.equal(0);
    el.userId = userId;
    await until(() => rows(el).length === 10, 'the first page again, without the pages loaded before');
    expect(loadMore(el)!.textContent!.trim()).to.equal('Load more');
  });

  it('session ids are links through session-href and fire a cancelable dozor-session-select', async () => {
    const first = await scenario.backend.listSessions(userId, { limit: 5 });
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .data=${first} user-id=${userId} session-href="/replays/{id}"></dozor-sessions-table>`,
    );
    const link = rows(el)[0]!.querySelector<HTMLAnchorElement>('a[part="link"]')!;
    expect(link.getAttribute('href')).to.equal(`/replays/${encodeURIComponent(first.data[0]!.id)}`);
    expect(link.textContent).to.equal(first.data[0]!.externalId);
    el.addEventListener('dozor-session-select', (event) => event.preventDefault(), { once: true });
    setTimeout(() => link.click());
    const event = await oneEvent(el, 'dozor-session-select');
    expect(event.detail).to.deep.equal({ sessionId: first.data[0]!.id, userId });
    expect(event.defaultPrevented).to.equal(true);
  });

  it("each row's disclosure opens the session's journey under it, from the user's timeline", async () => {
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${scenario.backend} user-id=${userId} .limit=${5} session-href="/replays/{id}"></dozor-sessions-table>`,
    );
    await until(() => rows(el).length === 5, 'the first page');
    const toggle = rows(el)[1]!.querySelector<HTMLButtonElement>('[part~="journey-toggle"]')!;
    const id = rows(el)[1]!.querySelector('[part="link"]')!.getAttribute('title')!;
    expect(toggle.getAttribute('aria-label')).to.equal(`Pages of session ${id}`);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const holder = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(holder.closest('tr')!.previousElementSibling).to.equal(rows(el)[1]);
    const journey = holder.querySelector('dozor-session-journey')!;
    await until(() => journey.shadowRoot!.querySelector('[part~="page"]') !== null, 'the journey');
    expect(journey.shadowRoot!.querySelector('[part~="page"] .path')!.textContent).to.equal('/p/1');
    // The session id still links to the replay, and so does the journey.
    expect(rows(el)[1]!.querySelector('a[part="link"]')).to.not.equal(null);
    expect(journey.shadowRoot!.querySelector('a[part~="replay-link"]')!.getAttribute('href')).to.equal(
      rows(el)[1]!.querySelector('a[part="link"]')!.getAttribute('href'),
    );
    await expect(el).to.be.accessible();
    toggle.click();
    await el.updateComplete;
    expect(root(el).querySelector('dozor-session-journey')).to.equal(null);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('renders untrusted ids as text and refuses a javascript: template', async () => {
    const first = await scenario.backend.listSessions(userId, { limit: 1 });
    const evil: Page<SessionListItem> = {
      data: [{ ...first.data[0]!, externalId: '<img src=x onerror="window.__pwned=1">' }],
      nextCursor: null,
    };
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .data=${evil} session-href="javascript:alert('{id}')"></dozor-sessions-table>`,
    );
    expect(root(el).querySelector('a')).to.equal(null);
    expect(root(el).querySelector('img')).to.equal(null);
    expect(rows(el)[0]!.querySelector('button[part="link"]')!.getAttribute('title')).to.equal('<img src=x onerror="window.__pwned=1">');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('shows the empty, loading and error states, each accessible', async () => {
    const empty = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .data=${{ data: [], nextCursor: null }}></dozor-sessions-table>`,
    );
    expect(root(empty).querySelector('[part="empty"]')!.textContent).to.equal('No sessions recorded for this user.');
    await expect(empty).to.be.accessible();

    const loading = await fixture<DozorSessionsTable>(html`<dozor-sessions-table></dozor-sessions-table>`);
    expect(root(loading).querySelector('[role="status"]')!.textContent).to.equal('Loading sessions…');
    await expect(loading).to.be.accessible();

    let fail = true;
    const flaky: DozorBackend = {
      ...scenario.backend,
      listSessions: (...args) => (fail ? Promise.reject(new DozorBackendError('server', 'Boom')) : scenario.backend.listSessions(...args)),
    };
    const failing = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${flaky} user-id=${userId}></dozor-sessions-table>`,
    );
    await until(() => root(failing).querySelector('[role="alert"]') !== null, 'the error');
    await expect(failing).to.be.accessible();
    fail = false;
    root(failing).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => rows(failing).length === 20, 'rows after retry');
  });

  it('keeps the rows when loading more fails, and retries', async () => {
    let fail = false;
    const flaky: DozorBackend = {
      ...scenario.backend,
      listSessions: (...args) =>
        fail ? Promise.reject(new DozorBackendError('network', 'offline')) : scenario.backend.listSessions(...args),
    };
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${flaky} user-id=${userId} .limit=${10}></dozor-sessions-table>`,
    );
    await until(() => rows(el).length === 10, 'the first page');
    fail = true;
    loadMore(el)!.click();
    await until(() => root(el).querySelector('[role="alert"]') !== null, 'the error');
    expect(rows(el).length).to.equal(10);
    fail = false;
    root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => rows(el).length === 20, 'the second page after retry');
  });
});

describe('<dozor-sessions-table> in other languages', () => {
  before(() => registerTranslations(de));

  /** Header cells and value lines of every column but the id (cut in the middle by design) and the entry page. */
  const cut = (el: HTMLElement) => {
    const fitted = new Set(['col-started', 'col-device', 'col-duration', 'col-events']);
    const indexes = [...root(el).querySelectorAll('col')].flatMap((col, i) => ([...col.classList].some((c) => fitted.has(c)) ? [i] : []));
    const tableRows = [...root(el).querySelectorAll('tr')].filter((row) => row.children.length > 1);
    return tableRows.flatMap((row) =>
      indexes
        .map((i) => row.children[i] as HTMLElement)
        .flatMap((cell) => [cell, ...cell.querySelectorAll<HTMLElement>('.stacked > *')])
        .filter((box) => box.scrollWidth > box.clientWidth)
        .map((box) => box.textContent!.trim()),
    );
  };

  it('widens a column whose header or values do not fit, so they read in full, and measures afresh in another language', async () => {
    const traffic = (await (await fetch(new URL('../fixtures/dozor-sdk-1.1.0/traffic.json', import.meta.url))).json()) as SdkTraffic;
    const { backend, setNow } = replayTarget(traffic);
    replayDirect(traffic, backend, setNow);
    const users = (await backend.listUsers({ identity: 'all', limit: 100 })).data;
    const withMost = users.reduce((a, b) => (b.sessionCount > a.sessionCount ? b : a));
    const el = await fixture<DozorSessionsTable>(
      html`<dozor-sessions-table .backend=${backend} user-id=${withMost.id} locale="en" style="width: 1024px"></dozor-sessions-table>`,
    );
    await until(() => rows(el).length === withMost.sessionCount, 'the sessions');
    const widths = () => [...root(el).querySelectorAll('col')].map((col) => col.style.getPropertyValue('--_fit'));
    expect(cut(el), 'English fits the stylesheet’s columns').to.deep.equal([]);
    expect(widths().every((width) => width === '')).to.equal(true);

    el.locale = 'de';
    await until(() => root(el).querySelector('thead')!.textContent!.includes('Ereignisse') && cut(el).length === 0, 'German in full');
    expect(
      widths().some((width) => width !== ''),
      'a widened column',
    ).to.equal(true);
    const entry = root(el).querySelectorAll('thead th')[3]!;
    expect(entry.textContent!.trim()).to.equal('Einstiegsseite');
    const em = parseFloat(getComputedStyle(root(el).querySelector('table')!).fontSize);
    expect(entry.getBoundingClientRect().width, 'the entry page keeps 10em').to.be.at.least(10 * em);
    await expect(el).to.be.accessible();

    el.locale = 'en';
    await until(() => root(el).querySelector('thead')!.textContent!.includes('Events'), 'English again');
    expect(
      widths().every((width) => width === ''),
      'the stylesheet’s columns again',
    ).to.equal(true);
    expect(cut(el)).to.deep.equal([]);
  });
});

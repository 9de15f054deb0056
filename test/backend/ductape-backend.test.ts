import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import { createDuctapeBackend, DUCTAPE_CAPABILITIES, type DuctapeBackendOptions } from '../../src/backend/ductape/index.js';
import { DozorBackendError, type DozorBackend, type TrackedUserListItem } from '../../src/backend/index.js';
import { deriveStatus } from '../../src/core/index.js';
import type { DozorUserList } from '../../src/elements/user-list/user-list.js';
import type { DozorUserProfile } from '../../src/elements/user-profile/user-profile.js';
import { gate, settled, until } from '../wait.js';
import { createFakeDuctapeClient, manyDuctapeUsers, type FakeDuctapeClient, type FakeDuctapeOptions } from './ductape-fake.js';

const NOW = Date.parse('2026-05-01T12:00:00.000Z');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

function setup(
  fake: FakeDuctapeOptions = {},
  extra: Partial<DuctapeBackendOptions> = {},
): { client: FakeDuctapeClient; backend: DozorBackend } {
  const client = createFakeDuctapeClient({ now: NOW, ...fake });
  const backend = createDuctapeBackend({ client, product: 'shop', session: 'user-session', env: 'production', now: () => NOW, ...extra });
  return { client, backend };
}

async function rejection(promise: Promise<unknown>): Promise<DozorBackendError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DozorBackendError);
    return error as DozorBackendError;
  }
  throw new Error('expected a rejection');
}

async function walkAll(
  backend: DozorBackend,
  limit: number,
): Promise<{ rows: TrackedUserListItem[]; pages: number; totals: (number | undefined)[] }> {
  const rows: TrackedUserListItem[] = [];
  const totals: (number | undefined)[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await backend.listUsers({ limit, cursor });
    rows.push(...page.data);
    totals.push(page.total);
    cursor = page.nextCursor;
    pages++;
    if (pages > 100) throw new Error('the walk does not end');
  } while (cursor !== null);
  return { rows, pages, totals };
}

describe('createDuctapeBackend', () => {
  describe('listUsers', () => {
    it('walks every user exactly once through opaque page cursors, reporting the total', async () => {
      const { client, backend } = setup({ users: manyDuctapeUsers(45) });
      const { rows, pages, totals } = await walkAll(backend, 20);
      expect(pages).to.equal(3);
      expect(rows.map((r) => r.id)).to.deep.equal(client.users.map((u) => u.identifier));
      expect(new Set(rows.map((r) => r.id)).size).to.equal(45);
      expect(totals).to.deep.equal([45, 45, 45]);
      const pageCalls = client.calls.filter((c) => c.method === 'fetchUsers').map((c) => c.args);
      expect(pageCalls).to.deep.equal(
        [1, 2, 3].map((page) => ({ product: 'shop', session: 'user-session', env: 'production', page, limit: 20 })),
      );
    });

    it('ends with a null cursor on an exact last page and on an empty list', async () => {
      const exact = setup({ users: manyDuctapeUsers(40) });
      expect((await walkAll(exact.backend, 20)).pages).to.equal(2);
      const empty = await setup({ users: [] }).backend.listUsers();
      expect(empty).to.deep.equal({ data: [], nextCursor: null, total: 0 });
    });

    it('keeps the page size a walk started with, so a changed limit neither skips nor repeats users', async () => {
      const { client, backend } = setup({ users: manyDuctapeUsers(30) });
      const first = await backend.listUsers({ limit: 10 });
      const second = await backend.listUsers({ limit: 3, cursor: first.nextCursor });
      expect(second.data.map((r) => r.id)).to.deep.equal(client.users.slice(10, 20).map((u) => u.identifier));
    });

    it('never serves a user twice when a new user shifts the pages mid-walk', async () => {
      const { client, backend } = setup({ users: manyDuctapeUsers(10) });
      const first = await backend.listUsers({ limit: 5 });
      client.users.unshift({ identifier: 'newcomer@paging.test', firstSeenAgo: 0, lastSeenAgo: 0, sessions: [] });
      const second = await backend.listUsers({ limit: 5, cursor: first.nextCursor });
      const ids = [...first.data, ...second.data].map((r) => r.id);
      expect(new Set(ids).size).to.equal(ids.length);
    });

    it('maps users: identifier as id and name, status through the core rule, session count and tags', async () => {
      const { backend } = setup();
      const page = await backend.listUsers();
      const ada = page.data[0]!;
      expect(ada).to.deep.include({
        id: 'ada@engines.test',
        externalId: 'ada@engines.test',
        displayName: 'ada@engines.test',
        projectId: 'shop',
        projectName: 'shop',
        traits: null,
        sessionCount: 3,
        lastEventAt: new Date(NOW - 30_000).toISOString(),
        status: 'ONLINE',
        activeTime7d: 0,
        createdAt: new Date(NOW - 90 * DAY).toISOString(),
        identity: 'identified',
      });
      expect(ada.tags!.map((t) => t.id)).to.deep.equal(['returning', 'longtime']);
      for (const user of page.data) expect(user.status).to.equal(deriveStatus(user.lastEventAt, NOW));
      expect(page.data.map((u) => u.status)).to.deep.equal(['ONLINE', 'ACTIVE_24H', 'IDLE_7D', 'DORMANT']);
      expect(page.data[2]!.tags!.map((t) => t.id)).to.deep.equal(['new']);
    });

    it('uses the product name when given, and serves the one project', async () => {
      const { backend } = setup({}, { productName: 'My Shop' });
      expect((await backend.listUsers()).data[0]!.projectName).to.equal('My Shop');
      const projects = await backend.listProjects();
      expect(projects.map((p) => [p.id, p.name])).to.deep.equal([['shop', 'My Shop']]);
      expect((await backend.listUsers({ projectIds: ['shop'] })).data).to.have.length(4);
      expect(await backend.listUsers({ projectIds: ['other'] })).to.deep.equal({ data: [], nextCursor: null, total: 0 });
    });

    it('refuses filters Ductape cannot apply, ignores sorts, and rejects a foreign cursor', async () => {
      const { backend } = setup();
      expect((await rejection(backend.listUsers({ search: 'ada' }))).field).to.equal('search');
      expect((await rejection(backend.listUsers({ statuses: ['ONLINE'] }))).field).to.equal('statuses');
      expect((await backend.listUsers({ sort: 'sessions', sortDir: 'asc' })).data).to.have.length(4);
      expect(await backend.listUsers({ identity: 'anonymous' })).to.deep.equal({ data: [], nextCursor: null, total: 0 });
      const bad = await rejection(backend.listUsers({ cursor: 'garbage' }));
      expect([bad.kind, bad.field]).to.deep.equal(['validation', 'cursor']);
    });
  });

  describe('profile calls', () => {
    it('getUser maps the details with no custom name or trait keys', async () => {
      const { client, backend } = setup();
      const detail = await backend.getUser('bob@stone.test');
      expect(detail).to.deep.include({
        id: 'bob@stone.test',
        sessionCount: 2,
        status: 'ACTIVE_24H',
        customName: null,
        displayNameTraitKey: null,
        projectDisplayNameTraitKey: null,
      });
      expect(client.calls.at(-1)!.args).to.deep.equal({
        product: 'shop',
        session: 'user-session',
        identifier: 'bob@stone.test',
        env: 'production',
      });
    });

    it('listSessions: newest first, an active session is open, an ended one ends at its expiry', async () => {
      const { backend } = setup();
      const page = await backend.listSessions('ada@engines.test');
      expect(page.total).to.equal(3);
      expect(page.nextCursor).to.equal(null);
      expect(page.data.map((s) => s.id)).to.deep.equal(['sess-ada-3', 'sess-ada-2', 'sess-ada-1']);
      const [open, ended] = page.data;
      expect(open).to.deep.include({ endedAt: null, duration: 20 * 60, trackedUserId: 'ada@engines.test', url: null, eventCount: 0 });
      expect(open!.startedAt).to.equal(new Date(NOW - 20 * MIN).toISOString());
      expect(ended).to.deep.include({ endedAt: new Date(NOW - 3 * DAY).toISOString(), duration: 7 * 24 * 3600 });
    });

    it('listSessions pages by cursor over the history', async () => {
      const { backend } = setup();
      const first = await backend.listSessions('ada@engines.test', { limit: 2 });
      expect(first.data).to.have.length(2);
      const second = await backend.listSessions('ada@engines.test', { limit: 2, cursor: first.nextCursor });
      expect(second.data.map((s) => s.id)).to.deep.equal(['sess-ada-1']);
      expect(second.nextCursor).to.equal(null);
    });

    it('getStatus: online by the core rule on last_seen, not by an active (unexpired) session', async () => {
      const { backend } = setup();
      expect(await backend.getStatus('ada@engines.test')).to.deep.equal({
        online: true,
        lastEventAt: new Date(NOW - 30_000).toISOString(),
      });
      // cy has an active 30-day session but was last seen two days ago.
      expect((await backend.getStatus('cy@hidden.test')).online).to.equal(false);
    });

    it('an unknown user is not-found', async () => {
      const { backend } = setup();
      expect((await rejection(backend.getUser('nobody@x.test'))).kind).to.equal('not-found');
      const { client, backend: nullBackend } = setup();
      client.answerNext('fetchUserDetails', async () => null);
      expect((await rejection(nullBackend.getUser('ada@engines.test'))).kind).to.equal('not-found');
    });
  });

  describe('capabilities', () => {
    it('declares what Ductape cannot serve, and those methods reject naming the capability', async () => {
      const { backend } = setup();
      expect(backend.capabilities).to.equal(DUCTAPE_CAPABILITIES);
      expect(backend.capabilities.sorts).to.deep.equal([]);
      expect(backend.capabilities.filters).to.deep.equal({ search: false, projects: true, statuses: false, identities: ['identified'] });
      expect(backend.capabilities.blocks).to.deep.equal({
        summary: false,
        activity: false,
        pageDistribution: false,
        timeline: false,
        sessions: true,
        status: true,
      });
      expect(backend.capabilities.edits).to.deep.equal({ displayName: false, projectTraitKey: false });
      expect(backend.capabilities.tags).to.deep.equal(['new', 'returning', 'longtime']);
      expect([backend.capabilities.live, backend.capabilities.total]).to.deep.equal([false, true]);
      expect(backend.subscribe).to.equal(undefined);
      const unsupported: [Promise<unknown>, string][] = [
        [backend.getSummary(), 'blocks.summary'],
        [backend.getActivity('ada@engines.test', { range: '7d' }), 'blocks.activity'],
        [backend.getTimeline('ada@engines.test', { range: '7d' }), 'blocks.timeline'],
        [backend.updateDisplayName('ada@engines.test', { customName: 'Ada' }), 'edits.displayName'],
        [backend.updateProjectTraitKey('shop', 'name'), 'edits.projectTraitKey'],
      ];
      for (const [promise, capability] of unsupported) {
        const error = await rejection(promise);
        expect(error.kind).to.equal('server');
        expect(error.message).to.contain(`capabilities.${capability}`);
      }
    });
  });

  describe('errors', () => {
    const cases: [unknown, string, number | undefined][] = [
      [Object.assign(new Error('bad key'), { status: 401 }), 'auth', 401],
      [Object.assign(new Error('forbidden'), { statusCode: 403 }), 'permission', 403],
      [Object.assign(new Error('gone'), { response: { status: 404 } }), 'not-found', 404],
      [Object.assign(new Error('slow down'), { status: 429 }), 'rate-limit', 429],
      [Object.assign(new Error('boom'), { status: 503 }), 'server', 503],
      [Object.assign(new Error('bad page'), { status: 400 }), 'validation', 400],
      // The adapter toolkit's one mapping, shared with the HTTP adapter (test/backend/adapter-kit.test.ts).
      [Object.assign(new Error('too slow'), { status: 408 }), 'timeout', 408],
      [Object.assign(new Error('teapot'), { status: 418 }), 'validation', 418],
      [new TypeError('Failed to fetch'), 'network', undefined],
      ['a bare string', 'network', undefined],
    ];
    for (const [thrown, kind, status] of cases) {
      it(`maps a thrown ${status ?? String(thrown)} to ${kind}`, async () => {
        const { client, backend } = setup();
        client.answerNext('fetchUsers', async () => {
          throw thrown;
        });
        const error = await rejection(backend.listUsers());
        expect([error.kind, error.status]).to.deep.equal([kind, status]);
        expect(error.cause).to.equal(thrown);
      });
    }

    it('maps an error thrown synchronously by the client', async () => {
      const { client, backend } = setup();
      client.sessions.fetchUsers = () => {
        throw Object.assign(new Error('sync'), { status: 500 });
      };
      expect((await rejection(backend.listUsers())).kind).to.equal('server');
    });
  });

  describe('abort', () => {
    it('rejects at once with aborted when the signal fires, and ignores the late answer', async () => {
      const { client, backend } = setup();
      let release!: () => void;
      client.answerNext('fetchUserDetails', () => new Promise((resolve) => (release = () => resolve({ nonsense: true }))));
      const controller = new AbortController();
      const pending = backend.getUser('ada@engines.test', { signal: controller.signal });
      controller.abort();
      expect((await rejection(pending)).kind).to.equal('aborted');
      release(); // a malformed late answer must not surface anywhere
      await settled();
    });

    it('rejects without calling Ductape when already aborted', async () => {
      const { client, backend } = setup();
      const controller = new AbortController();
      controller.abort();
      expect((await rejection(backend.listUsers({}, { signal: controller.signal }))).kind).to.equal('aborted');
      expect((await rejection(backend.getStatus('ada@engines.test', { signal: controller.signal }))).kind).to.equal('aborted');
      expect((await rejection(backend.getSummary({ signal: controller.signal }))).kind).to.equal('aborted');
      expect(client.calls).to.deep.equal([]);
    });

    it('aborts a list page while its detail calls are in flight', async () => {
      const { client, backend } = setup();
      const details = gate();
      client.hold('fetchUserDetails', details.opened);
      const controller = new AbortController();
      const pending = backend.listUsers({}, { signal: controller.signal });
      await until(() => client.calls.some((call) => call.method === 'fetchUserDetails'), 'the detail calls');
      controller.abort();
      expect((await rejection(pending)).kind).to.equal('aborted');
      details.open();
    });
  });

  describe('malformed responses', () => {
    const pageCases: [unknown, string][] = [
      [null, 'response'],
      [{ users: 'nope', total: 1, totalPages: 1 }, 'users'],
      [{ users: [], total: -1, totalPages: 1 }, 'total'],
      [{ users: [], total: 1 }, 'totalPages'],
      [{ users: [{ identifier: 42, first_seen: '2026-01-01T00:00:00Z' }], total: 1, totalPages: 1 }, 'users.0.identifier'],
      [{ users: [{ identifier: 'a', first_seen: 'not a date' }], total: 1, totalPages: 1 }, 'users.0.first_seen'],
      [{ users: [{ identifier: 'a' }], total: 1, totalPages: 1 }, 'users.0.first_seen'],
      [{ users: [{ identifier: 'a', first_seen: 1, last_seen: {} }], total: 1, totalPages: 1 }, 'users.0.last_seen'],
    ];
    for (const [body, field] of pageCases) {
      it(`rejects a users page with a bad ${field}`, async () => {
        const { client, backend } = setup();
        client.answerNext('fetchUsers', async () => body);
        const error = await rejection(backend.listUsers());
        expect([error.kind, error.field]).to.deep.equal(['invalid-response', field]);
        expect(error.message).to.contain(field);
      });
    }

    const detailCases: [Record<string, unknown>, string][] = [
      [{ sessions: undefined }, 'sessions'],
      [{ totalSessions: '3' }, 'totalSessions'],
      [{ sessions: [{ session_id: 's', start_at: '2026-01-01T00:00:00Z', active: 'yes' }] }, 'sessions.0.active'],
      [{ sessions: [{ session_id: '', start_at: '2026-01-01T00:00:00Z', active: true }] }, 'sessions.0.session_id'],
      [{ sessions: [{ session_id: 's', active: true }] }, 'sessions.0.start_at'],
    ];
    for (const [patch, field] of detailCases) {
      it(`rejects details with a bad ${field}`, async () => {
        const { client, backend } = setup();
        const good = await client.sessions.fetchUserDetails({ product: 'shop', session: 'user-session', identifier: 'ada@engines.test' });
        client.answerNext('fetchUserDetails', async () => ({ ...good, ...patch }));
        const error = await rejection(backend.listSessions('ada@engines.test'));
        expect([error.kind, error.field]).to.deep.equal(['invalid-response', field]);
      });
    }

    it('accepts Date objects and epoch numbers as times (what an SDK may hand over)', async () => {
      const { client, backend } = setup();
      client.answerNext('fetchUserDetails', async () => ({
        identifier: 'ada@engines.test',
        first_seen: new Date(NOW - DAY),
        last_seen: NOW - 1000,
        sessions: [{ session_id: 's1', start_at: new Date(NOW - MIN), end_at: null, active: true }],
        totalSessions: 1,
        activeSessionsCount: 1,
      }));
      const detail = await backend.getUser('ada@engines.test');
      expect([detail.createdAt, detail.lastEventAt, detail.status]).to.deep.equal([
        new Date(NOW - DAY).toISOString(),
        new Date(NOW - 1000).toISOString(),
        'ONLINE',
      ]);
    });
  });
});

describe('elements over the Ductape backend', () => {
  const shadow = (el: Element) => el.shadowRoot!;

  it('<dozor-user-list> shows the users with no error state', async () => {
    const { backend } = setup({ now: Date.now() }, { now: Date.now });
    const el = await fixture<DozorUserList>(html`<dozor-user-list .backend=${backend} page-size="20"></dozor-user-list>`);
    await until(() => el.loadedUsers.length > 0 || shadow(el).querySelector('[part="empty"], [part="error"]') !== null, 'first page');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"], [role="alert"]')).to.equal(null);
    const names = [...shadow(el).querySelectorAll('[role="row"][part="row"] [part="name"]')].map((n) => n.textContent!.trim());
    expect(names).to.deep.equal(['ada@engines.test', 'bob@stone.test', 'cy@hidden.test', 'dee@example.test']);
    expect(shadow(el).querySelector('[role="status"]')!.textContent).to.equal('Showing 4 users');
    // No sortable header, no search box, no status filter: Ductape serves none of them.
    expect(shadow(el).querySelectorAll('[part~="sort-button"]').length).to.equal(0);
    expect(shadow(el).querySelectorAll('[part="search"]').length).to.equal(0);
    // (Only the column picker's menu: no filter menu. Compared as a count, so a failure never prints an element.)
    expect(shadow(el).querySelectorAll('[part="toolbar"] details[part="filter"]').length).to.equal(0);
    expect([...shadow(el).querySelectorAll('[part="toolbar"] details')].map((menu) => menu.getAttribute('part'))).to.deep.equal([
      'filter columns',
    ]);
    expect(shadow(el).querySelectorAll('#identity').length).to.equal(0);
    // No Active 7d column of dashes: Ductape records no active time (nor has the CSV that field).
    const headers = [...shadow(el).querySelectorAll('[role="columnheader"]')].map((h) => h.textContent!.trim());
    expect(headers).to.deep.equal(['User', 'Project', 'Status', 'Tags', 'Last seen', 'Sessions']);
    expect(shadow(el).querySelector('[role="grid"]')!.getAttribute('aria-colcount')).to.equal('6');
    expect(shadow(el).querySelector('[part="row"]')!.querySelectorAll('[role="gridcell"]').length).to.equal(6);
    const csv = (await el.exportCsv({ download: false }))!.split('\n');
    // The export follows the list's columns: no active-time field at all (rather than zeros).
    expect(csv[0]!.split(',')).to.not.include('activeSeconds7d');
    expect(csv[0]!.split(',')).to.include('sessions');
  });

  it('<dozor-user-profile> renders the header and sessions, hiding the blocks Ductape cannot serve', async () => {
    const { backend } = setup({ now: Date.now() }, { now: Date.now });
    const el = await fixture<DozorUserProfile>(
      html`<dozor-user-profile .backend=${backend} user-id="ada@engines.test"></dozor-user-profile>`,
    );
    await until(() => shadow(el).querySelector('#display-name, [part="error"], [part~="not-found"]') !== null, 'the header');
    const table = () => shadow(el).querySelector('dozor-sessions-table');
    await until(() => table() !== null && (table() as HTMLElement & { data?: unknown }).data !== undefined, 'the sessions');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="error"], [role="alert"]')).to.equal(null);
    expect(shadow(el).querySelector('#display-name')!.textContent).to.equal('ada@engines.test');
    expect(shadow(el).querySelector('[part~="stat"]')).to.equal(null);
    for (const hidden of [
      'dozor-range-selector',
      'dozor-traits-inspector',
      'dozor-activity-chart',
      'dozor-page-distribution',
      'dozor-sessions-timeline',
      'dozor-display-name-editor',
    ]) {
      expect(shadow(el).querySelector(hidden), hidden).to.equal(null);
    }
    const sessionsTable = table()!;
    await (sessionsTable as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await until(() => sessionsTable.shadowRoot!.querySelectorAll('[part="row"]').length === 3, 'three session rows');
    // Ductape records neither events nor time spent (end_at is an expiry): no columns of zeros or token lifetimes.
    const headers = [...sessionsTable.shadowRoot!.querySelectorAll('th[scope="col"]')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Session', 'Started']);
    expect(sessionsTable.shadowRoot!.querySelector('tbody tr')!.children.length).to.equal(2);
  });
});

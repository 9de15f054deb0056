import { expect } from '@open-wc/testing';
import { DozorBackendError } from '../../src/backend/errors.js';
import { createHttpBackend, HTTP_CAPABILITIES, parseRetryAfter, type HttpBackendOptions } from '../../src/backend/http/index.js';
import { tagsOfUser, type TaggableUser } from '../../src/core/index.js';
import { BASE, json, listItem, networkFailure, page, rejection, scriptedFetch, silence, status, type Responder } from './http-helpers.js';
import { settled, until } from '../wait.js';

function backendWith(responders: Responder[], options: Partial<HttpBackendOptions> = {}) {
  const { fetch, calls } = scriptedFetch(...responders);
  const backend = createHttpBackend({ baseUrl: `${BASE}/`, fetch, retryDelayMs: 1, ...options });
  return { backend, calls };
}

const noContent: Responder = () => new Response(null, { status: 204 });

describe('createHttpBackend: requests', () => {
  it('sends the list query in the reference format (comma-joined lists, cursor last)', async () => {
    const { backend, calls } = backendWith([json(page([], null))]);
    await backend.listUsers({
      search: '  ann ',
      projectIds: ['p1', 'p2'],
      statuses: ['ONLINE', 'IDLE_7D'],
      sort: 'sessions',
      sortDir: 'asc',
      limit: 50,
      cursor: 'c1',
    });
    expect(calls[0]!.method).to.equal('GET');
    expect(calls[0]!.url).to.equal(
      `${BASE}/api/tracked-users?search=ann&projectIds=p1%2Cp2&statuses=ONLINE%2CIDLE_7D&sort=sessions&sortDir=asc&limit=50&cursor=c1`,
    );
    const params = new URL(calls[0]!.url).searchParams;
    expect(params.get('projectIds')).to.equal('p1,p2');
    expect(params.get('statuses')).to.equal('ONLINE,IDLE_7D');
  });

  it('sends nothing for an empty list query, and answers an anonymous-only query without a request', async () => {
    const { backend, calls } = backendWith([json(page([], null))]);
    await backend.listUsers();
    await backend.listUsers({ search: '   ', projectIds: [], statuses: [] });
    expect(calls.map((c) => c.url)).to.deep.equal([`${BASE}/api/tracked-users`, `${BASE}/api/tracked-users`]);
    expect(await backend.listUsers({ identity: 'anonymous' })).to.deep.equal({ data: [], nextCursor: null });
    expect(calls).to.have.length(2);
  });

  it('builds every read route, with encoded ids, ranges made valid and pageLimit clamped like the server', async () => {
    const activity = {
      range: '7d',
      from: '2026-04-24T12:00:00.000Z',
      to: '2026-05-01T12:00:00.000Z',
      bucketMs: 3_600_000,
      buckets: [],
      pageDistribution: [],
      summary: {
        sessionCount: 0,
        totalActiveTime: 0,
        avgSessionDuration: 0,
        totalEvents: 0,
        uniquePages: 0,
        topPage: null,
        firstEventAt: null,
        lastEventAt: null,
      },
    };
    const timeline = { range: '24h', from: '2026-04-30T12:00:00.000Z', to: '2026-05-01T12:00:00.000Z', sessions: [], pages: [] };
    const { backend, calls } = backendWith([
      json({ total: 1, onlineNow: 0, active24h: 0, newThisWeek: 0 }),
      json({ user: { id: 'usr_1', activeOrganizationId: 'org_a' }, expires: '2026-06-01T00:00:00.000Z' }),
      json([]),
      json([]),
      json({ ...listItem('u/1'), customName: null, displayNameTraitKey: null, projectDisplayNameTraitKey: null }),
      json(activity),
      json(activity),
      json(timeline),
      json({ data: [], nextCursor: null }),
      json({ data: [], nextCursor: null }),
      json({ online: false, lastEventAt: null }),
    ]);
    await backend.getSummary();
    await backend.listProjects();
    await backend.listProjects(); // the active organization is learned once
    await backend.getUser('u/1');
    await backend.getActivity('u1', { range: '7d', pageLimit: 9999 });
    await backend.getActivity('u1', { range: 'bogus' as '7d' });
    await backend.getTimeline('u1', { range: '24h' });
    await backend.listSessions('u1');
    await backend.listSessions('u1', { limit: 5, cursor: 's9' });
    await backend.getStatus('u1');
    expect(calls.map((c) => c.url.slice(BASE.length))).to.deep.equal([
      '/api/tracked-users/summary',
      '/api/auth/session',
      '/api/projects?organizationId=org_a',
      '/api/projects?organizationId=org_a',
      '/api/tracked-users/u%2F1',
      '/api/tracked-users/u1/activity?range=7d&pageLimit=500',
      '/api/tracked-users/u1/activity?range=24h',
      '/api/tracked-users/u1/timeline?range=24h',
      '/api/tracked-users/u1/sessions',
      '/api/tracked-users/u1/sessions?limit=5&cursor=s9',
      '/api/tracked-users/u1/status',
    ]);
    expect(calls.every((c) => c.method === 'GET' && c.body === undefined && c.headers['accept'] === 'application/json')).to.equal(true);
  });

  it('PATCHes display names with only the fields to change (omitted / null / string), resolving on 204', async () => {
    const { backend, calls } = backendWith([noContent]);
    expect(await backend.updateDisplayName('u1', { customName: 'Alex' })).to.equal(undefined);
    await backend.updateDisplayName('u1', { customName: null, traitKey: 'email' });
    await backend.updateDisplayName('u1', { customName: undefined, traitKey: null });
    await backend.updateProjectTraitKey('p1', null);
    await backend.updateProjectTraitKey('p1', 'email');
    expect(calls.map((c) => [c.method, c.url.slice(BASE.length), c.body])).to.deep.equal([
      ['PATCH', '/api/tracked-users/u1/display-name', { customName: 'Alex' }],
      ['PATCH', '/api/tracked-users/u1/display-name', { customName: null, traitKey: 'email' }],
      ['PATCH', '/api/tracked-users/u1/display-name', { traitKey: null }],
      ['PATCH', '/api/projects/p1/display-name-trait-key', { traitKey: null }],
      ['PATCH', '/api/projects/p1/display-name-trait-key', { traitKey: 'email' }],
    ]);
    expect(calls[0]!.headers['content-type']).to.equal('application/json');
  });

  it('adds static headers, asks a header function before every attempt, and passes credentials', async () => {
    let token = 0;
    const { backend, calls } = backendWith([status(503), json({ online: true, lastEventAt: '2026-05-01T11:59:00.000Z' })], {
      headers: async () => ({ Authorization: `Bearer t${++token}` }),
      credentials: 'include',
    });
    await backend.getStatus('u1');
    expect(calls.map((c) => c.headers['authorization'])).to.deep.equal(['Bearer t1', 'Bearer t2']);
    expect(calls[0]!.credentials).to.equal('include');

    const fixed = backendWith([json({ online: true, lastEventAt: null })], { headers: { 'X-Org': 'acme' } });
    await fixed.backend.getStatus('u1');
    expect(fixed.calls[0]!.headers['x-org']).to.equal('acme');
    expect(fixed.calls[0]!.credentials).to.equal(undefined);
  });

  it('declares what the reference server can do', () => {
    const { backend } = backendWith([]);
    expect(backend.capabilities).to.equal(HTTP_CAPABILITIES);
    expect(backend.capabilities.sorts).to.deep.equal(['last-seen', 'sessions', 'active-time', 'newest']);
    expect(backend.capabilities.filters).to.deep.equal({ search: true, projects: true, statuses: true, identities: ['identified'] });
    // Every tag but Buyer, computed from the list item's fields (the server tracks no orders).
    expect(backend.capabilities.tags).to.deep.equal(['new', 'returning', 'longtime', 'work-info', 'contact-info', 'custom-attributes']);
    expect(backend.capabilities.limitations).to.deep.equal({
      statusFilterWindow: 500,
      pageLocalSort: true,
      searchFields: ['externalId', 'customName'],
    });
    expect(backend.capabilities.live).to.equal(false);
    expect(backend.capabilities.total).to.equal(false);
    expect(backend.subscribe).to.equal(undefined);
  });
});

describe('createHttpBackend: organization scope of the projects', () => {
  const project = (id: string, organizationId: string) => ({
    id,
    name: id,
    maskedKey: 'dp_0000••••0000',
    organizationId,
    sessionCount: 0,
    lastUsedAt: null,
    createdAt: '2026-05-01T00:00:00.000Z',
    updatedAt: '2026-05-01T00:00:00.000Z',
  });

  it('sends organizationId when given, and drops a foreign project the server still returns', async () => {
    const { backend, calls } = backendWith([json([project('p1', 'org_a'), project('p9', 'org_b')])], { organizationId: 'org_a' });
    expect((await backend.listProjects()).map((p) => p.id)).to.deep.equal(['p1']);
    expect(calls.map((c) => c.url.slice(BASE.length))).to.deep.equal(['/api/projects?organizationId=org_a']);
  });

  it('asks the session again while signed out (null), and goes unscoped where the server has no auth route (404)', async () => {
    const signedOut = backendWith([json(null), json([]), json(null), json([])]);
    await signedOut.backend.listProjects();
    await signedOut.backend.listProjects();
    expect(signedOut.calls.map((c) => c.url.slice(BASE.length))).to.deep.equal([
      '/api/auth/session',
      '/api/projects',
      '/api/auth/session',
      '/api/projects',
    ]);
    const proxied = backendWith([status(404, { error: 'Not found' }), json([project('p1', 'org_a'), project('p9', 'org_b')])]);
    expect(await proxied.backend.listProjects()).to.have.length(2);
    await proxied.backend.listProjects();
    expect(proxied.calls.map((c) => c.url.slice(BASE.length))).to.deep.equal(['/api/auth/session', '/api/projects', '/api/projects']);
  });

  it('rejects with the session route’s failure, and asks again next time', async () => {
    const { backend, calls } = backendWith([
      status(401, { error: 'Unauthorized' }),
      json({ user: { activeOrganizationId: 'org_a' } }),
      json([]),
    ]);
    expect((await rejection(backend.listProjects())).kind).to.equal('auth');
    expect(await backend.listProjects()).to.deep.equal([]);
    expect(calls.map((c) => c.url.slice(BASE.length))).to.deep.equal([
      '/api/auth/session',
      '/api/auth/session',
      '/api/projects?organizationId=org_a',
    ]);
  });
});

describe('createHttpBackend: errors', () => {
  const cases: [number, string][] = [
    [400, 'validation'],
    [401, 'auth'],
    [403, 'permission'],
    [404, 'not-found'],
    [409, 'conflict'],
    [422, 'validation'],
    [429, 'rate-limit'],
    [500, 'server'],
    [503, 'server'],
    [408, 'timeout'],
    [418, 'validation'],
  ];
  for (const [code, kind] of cases) {
    it(`maps ${code} to ${kind}, with the server's message`, async () => {
      const { backend } = backendWith([status(code, { error: `message ${code}` })], { retries: 0 });
      const error = await rejection(backend.getUser('u1'));
      expect(error).to.be.instanceOf(DozorBackendError);
      expect([error.kind, error.status, error.message]).to.deep.equal([kind, code, `message ${code}`]);
    });
  }

  it('carries the issues of a 400 and names their field', async () => {
    const issues = [{ path: ['limit'], message: 'Too big: expected number to be <=100', code: 'too_big' }, { bogus: true }];
    const { backend } = backendWith([status(400, { error: 'limit: Too big: expected number to be <=100', issues })]);
    const error = await rejection(backend.listUsers({ limit: 500 }));
    expect(error.kind).to.equal('validation');
    expect(error.issues).to.deep.equal([issues[0]]);
    expect(error.field).to.equal('limit');
  });

  it('reads Retry-After (seconds or HTTP date) on 429 and does not retry it', async () => {
    const { backend, calls } = backendWith([status(429, { error: 'Slow down' }, { 'Retry-After': '7' })]);
    const error = await rejection(backend.getSummary());
    expect([error.kind, error.retryAfterMs]).to.deep.equal(['rate-limit', 7000]);
    expect(calls).to.have.length(1);
    const now = Date.parse('2026-05-01T12:00:00.000Z');
    expect(parseRetryAfter('Fri, 01 May 2026 12:00:30 GMT', now)).to.equal(30_000);
    expect(parseRetryAfter(null)).to.equal(undefined);
    expect(parseRetryAfter('soon')).to.equal(undefined);
  });

  it('uses the status line when the error body is not the envelope (e.g. an HTML 500)', async () => {
    const { backend } = backendWith([status(500, '<html>oops</html>')], { retries: 0 });
    const error = await rejection(backend.updateDisplayName('u1', { customName: 'x' }));
    expect([error.kind, error.message]).to.deep.equal(['server', 'HTTP 500']);
  });

  it('maps a failed fetch (TypeError) to network', async () => {
    const { backend } = backendWith([networkFailure], { retries: 0 });
    const error = await rejection(backend.getSummary());
    expect(error.kind).to.equal('network');
    expect((error as Error & { cause?: unknown }).cause).to.be.instanceOf(TypeError);
  });
});

describe('createHttpBackend: retries', () => {
  const summary = json({ total: 1, onlineNow: 0, active24h: 0, newThisWeek: 0 });

  it('retries a GET on 5xx and network failures, up to `retries` extra attempts', async () => {
    const ok = backendWith([status(502), networkFailure, summary]);
    expect((await ok.backend.getSummary()).total).to.equal(1);
    expect(ok.calls).to.have.length(3);

    const failing = backendWith([status(500)]);
    expect((await rejection(failing.backend.getSummary())).kind).to.equal('server');
    expect(failing.calls).to.have.length(3); // default retries: 2

    const once = backendWith([networkFailure], { retries: 0 });
    await rejection(once.backend.getSummary());
    expect(once.calls).to.have.length(1);
  });

  it('backs off exponentially between attempts', async () => {
    const times: number[] = [];
    const { backend } = backendWith([(c) => (times.push(performance.now()), status(500)(c))], { retryDelayMs: 40 });
    await rejection(backend.getSummary());
    expect(times).to.have.length(3);
    expect(times[1]! - times[0]!).to.be.at.least(35);
    expect(times[2]! - times[1]!).to.be.at.least(75);
  });

  it('never retries a PATCH, a 4xx or an invalid response', async () => {
    const patch = backendWith([status(500)]);
    await rejection(patch.backend.updateDisplayName('u1', { customName: 'x' }));
    expect(patch.calls).to.have.length(1);
    const patchNetwork = backendWith([networkFailure]);
    await rejection(patchNetwork.backend.updateProjectTraitKey('p1', null));
    expect(patchNetwork.calls).to.have.length(1);
    const notFound = backendWith([status(404, { error: 'User not found' })]);
    await rejection(notFound.backend.getUser('u1'));
    expect(notFound.calls).to.have.length(1);
    const malformed = backendWith([json({ total: 'many' })]);
    await rejection(malformed.backend.getSummary());
    expect(malformed.calls).to.have.length(1);
  });

  it('honours an abort during the backoff', async () => {
    const { backend, calls } = backendWith([status(500)], { retryDelayMs: 5000 });
    const controller = new AbortController();
    const started = performance.now();
    const pending = rejection(backend.getSummary({ signal: controller.signal }));
    await until(() => calls.length === 1, 'the first attempt');
    await settled(); // its 500 is in: the adapter is waiting out the 5 s backoff
    controller.abort();
    const error = await pending;
    expect(error.kind).to.equal('aborted');
    expect(performance.now() - started).to.be.below(1000);
    expect(calls).to.have.length(1);
  });
});

describe('createHttpBackend: timeout and abort', () => {
  it('times out a silent server (even a fetch that ignores its signal) and does not retry', async () => {
    const { backend, calls } = backendWith([silence], { timeoutMs: 50 });
    const error = await rejection(backend.getSummary());
    expect(error.kind).to.equal('timeout');
    expect(calls).to.have.length(1);
    expect(calls[0]!.signal!.aborted).to.equal(true);
  });

  it('times out a body that never finishes', async () => {
    const stalled: Responder = () => new Response(new ReadableStream({ start() {} }), { status: 200 });
    const { backend } = backendWith([stalled], { timeoutMs: 50 });
    expect((await rejection(backend.getSummary())).kind).to.equal('timeout');
  });

  it("rejects with aborted for the caller's signal, before or during the request", async () => {
    const { backend, calls } = backendWith([silence]);
    const before = new AbortController();
    before.abort();
    expect((await rejection(backend.getSummary({ signal: before.signal }))).kind).to.equal('aborted');
    expect(calls).to.have.length(0);

    const during = new AbortController();
    const pending = rejection(backend.listUsers({}, { signal: during.signal }));
    await until(() => calls.length === 1, 'the request');
    during.abort();
    expect((await pending).kind).to.equal('aborted');
    expect(calls[0]!.signal!.aborted).to.equal(true);
  });
});

describe('createHttpBackend: response validation', () => {
  async function invalid(body: unknown | Responder): Promise<{ kind: string; field?: string; message: string }> {
    const { backend } = backendWith([typeof body === 'function' ? (body as Responder) : json(body)]);
    return rejection(backend.listUsers());
  }

  it('rejects a body that is not JSON', async () => {
    const error = await invalid(status(200, 'not json'));
    expect([error.kind, error.field]).to.deep.equal(['invalid-response', 'response']);
  });

  it('names the field of a malformed row', async () => {
    const cases: [unknown, string][] = [
      [[], 'response'],
      [{ nextCursor: null }, 'data'],
      [{ data: {}, nextCursor: null }, 'data'],
      [{ data: [listItem('a'), listItem('b', { lastEventAt: 5 })], nextCursor: null }, 'data.1.lastEventAt'],
      [{ data: [listItem('a', { lastEventAt: 'yesterday' })], nextCursor: null }, 'data.0.lastEventAt'],
      [{ data: [listItem('a', { status: 'online' })], nextCursor: null }, 'data.0.status'],
      [{ data: [listItem('a', { sessionCount: -1 })], nextCursor: null }, 'data.0.sessionCount'],
      [{ data: [listItem('a', { activeTime7d: 1.5 })], nextCursor: null }, 'data.0.activeTime7d'],
      [{ data: [listItem('a', { traits: [] })], nextCursor: null }, 'data.0.traits'],
      [{ data: [{ ...listItem('a'), projectName: undefined }], nextCursor: null }, 'data.0.projectName'],
      [{ data: [], nextCursor: 7 }, 'nextCursor'],
    ];
    for (const [body, field] of cases) {
      const error = await invalid(body);
      expect([error.kind, error.field], JSON.stringify(body)).to.deep.equal(['invalid-response', field]);
      expect(error.message).to.contain(field);
    }
  });

  it('names nested fields of activity, timeline and sessions', async () => {
    const { backend } = backendWith([
      json({
        range: '24h',
        from: '2026-05-01T00:00:00.000Z',
        to: '2026-05-01T12:00:00.000Z',
        bucketMs: 900_000,
        buckets: [{ t: '2026-05-01T00:00:00.000Z', total: 1, byPage: [{ pathname: '/', count: '1' }] }],
        pageDistribution: [],
        summary: {},
      }),
      json({
        range: '24h',
        from: '2026-05-01T00:00:00.000Z',
        to: '2026-05-01T12:00:00.000Z',
        sessions: [
          {
            id: 's',
            externalId: 'e',
            startedAt: '2026-05-01T00:00:00.000Z',
            endedAt: null,
            duration: 1,
            url: null,
            periods: [{ url: 'u', pathname: '/', startedAt: 'x', endedAt: null, duration: 0 }],
          },
        ],
        pages: [],
      }),
      json({
        data: [
          {
            id: 's',
            externalId: 'e',
            projectId: 'p',
            projectName: 'P',
            url: null,
            duration: -1,
            eventCount: 1,
            createdAt: '2026-05-01T00:00:00.000Z',
            trackedUserId: 'u',
            userId: null,
            userDisplayName: null,
            userTraits: null,
          },
        ],
        nextCursor: null,
      }),
      json({
        range: '24h',
        from: '2026-05-01T00:00:00.000Z',
        to: '2026-05-01T12:00:00.000Z',
        bucketMs: 900_000,
        buckets: [],
        pageDistribution: [{ pathname: '/', duration: 1, share: 1.5, visits: 1 }],
        summary: {},
      }),
    ]);
    expect((await rejection(backend.getActivity('u', { range: '24h' }))).field).to.equal('buckets.0.byPage.0.count');
    expect((await rejection(backend.getTimeline('u', { range: '24h' }))).field).to.equal('sessions.0.periods.0.startedAt');
    expect((await rejection(backend.listSessions('u'))).field).to.equal('data.0.duration');
    expect((await rejection(backend.getActivity('u', { range: '24h' }))).field).to.equal('pageDistribution.0.share');
  });

  it('keeps only the contract fields and copies traits', async () => {
    const { backend } = backendWith([json({ data: [listItem('a', { surprise: 1 })], nextCursor: null, total: 9 })]);
    const result = await backend.listUsers();
    expect(result).to.deep.equal({
      data: [{ ...listItem('a'), tags: tagsOfUser(listItem('a') as unknown as TaggableUser, Date.now()) }],
      nextCursor: null,
    });
    expect(result.data[0]!.tags!.map((tag) => tag.id)).to.deep.equal(['returning', 'longtime']);
  });

  it('accepts what OpenAPI allows for the sessions sub-route user fields, normalised to the null the server sends (reference §7.4)', async () => {
    const row = {
      id: 's',
      externalId: 'e',
      projectId: 'p',
      projectName: 'P',
      url: null,
      duration: 1,
      eventCount: 10,
      createdAt: '2026-05-01T00:00:00.000Z',
      trackedUserId: 'u',
    };
    const { backend } = backendWith([
      json({ data: [{ ...row, userId: 'usr_abc123', userDisplayName: null, userTraits: { a: 1 } }], nextCursor: null }),
    ]);
    const result = await backend.listSessions('u');
    expect(result.data[0]).to.deep.equal({ ...row, userId: null, userDisplayName: null, userTraits: null });
  });
});

describe('createHttpBackend: pagination quirks (reference §7.1, §7.2)', () => {
  it('drops rows repeated across pages and ends a walk whose page adds nothing', async () => {
    const { backend } = backendWith([json(page(['a', 'b'], 'c1')), json(page(['b', 'c'], 'c2')), json(page(['c', 'a'], 'c3'))]);
    const first = await backend.listUsers({ sort: 'sessions' });
    expect([first.data.map((u) => u.id), first.nextCursor]).to.deep.equal([['a', 'b'], 'c1']);
    const second = await backend.listUsers({ sort: 'sessions', cursor: 'c1' });
    expect([second.data.map((u) => u.id), second.nextCursor]).to.deep.equal([['c'], 'c2']);
    const third = await backend.listUsers({ sort: 'sessions', cursor: 'c2' });
    expect([third.data.map((u) => u.id), third.nextCursor]).to.deep.equal([[], null]);
  });

  it('serves a status-filtered list as one page (limitations.statusFilterWindow: the server ignores the cursor)', async () => {
    const { backend, calls } = backendWith([json(page(['a', 'b'], 'b'))]);
    const first = await backend.listUsers({ statuses: ['ONLINE'], limit: 2 });
    expect([first.data.map((u) => u.id), first.nextCursor]).to.deep.equal([['a', 'b'], null]);
    expect(calls).to.have.length(1);
  });

  it('ends a walk when the server hands back a cursor it already gave', async () => {
    const { backend } = backendWith([json(page(['a'], 'c1')), json(page(['b'], 'c1'))]);
    await backend.listUsers();
    const next = await backend.listUsers({ cursor: 'c1' });
    expect([next.data.map((u) => u.id), next.nextCursor]).to.deep.equal([['b'], null]);
  });

  it('starts afresh on a request without a cursor, and keeps walks of different queries apart', async () => {
    const { backend } = backendWith([json(page(['a', 'b'], 'c1'))]);
    await backend.listUsers({ search: 'x' });
    const other = await backend.listUsers({ search: 'y' });
    expect(other.data.map((u) => u.id)).to.deep.equal(['a', 'b']);
    const restart = await backend.listUsers({ search: 'x' });
    expect(restart.data.map((u) => u.id)).to.deep.equal(['a', 'b']);
  });

  it('guards session pages the same way', async () => {
    const row = (id: string) => ({
      id,
      externalId: id,
      projectId: 'p',
      projectName: 'P',
      url: null,
      duration: 1,
      eventCount: 10,
      createdAt: '2026-05-01T00:00:00.000Z',
      trackedUserId: 'u',
      userId: null,
      userDisplayName: null,
      userTraits: null,
    });
    const { backend } = backendWith([json({ data: [row('s1')], nextCursor: 's1' }), json({ data: [row('s1')], nextCursor: 's1' })]);
    await backend.listSessions('u');
    expect(await backend.listSessions('u', { cursor: 's1' })).to.deep.equal({ data: [], nextCursor: null });
  });
});

import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { createHttpBackend, type HttpBackendOptions } from '../../src/backend/http/index.js';
import { createMemoryBackend, type MemoryBackend } from '../../src/backend/memory/index.js';
import { createDozorHandlers, DOZOR_ROUTES, type DozorHandlersOptions } from '../../src/backend/msw/index.js';
import type { DozorBackend, ListUsersQuery } from '../../src/backend/types.js';
import { BASE, handlersFetch, rejection } from './http-helpers.js';
import { body, clock, custom, events, KEY, KEY2, metadata, MIN, T0 } from './memory-helpers.js';
import { Contract, loadOpenApi, projectOnto, type OpenApi, type Operation } from './openapi-contract.js';

let spec: OpenApi;
before(async () => {
  spec = await loadOpenApi();
});

function schemaOf(path: string, method = 'get', status = '200'): Record<string, unknown> {
  return (spec.paths[path]![method] as Operation).responses[status]!.content!['application/json'].schema;
}
function exampleOf(path: string, method = 'get', status = '200'): unknown {
  return (spec.paths[path]![method] as Operation).responses[status]!.content!['application/json'].example;
}

/** A seeded memory backend (two projects, 30 users) on a fixed clock, plus a user with url periods now. */
function seededMemory(): MemoryBackend {
  const c = clock(T0);
  const memory = createMemoryBackend({
    now: c.now,
    projects: [
      { id: 'p1', name: 'Production', key: KEY, defaultDisplayNameTraitKey: 'email' },
      { id: 'p2', name: 'Staging', key: KEY2 },
    ],
    generate: { seed: 'contract', users: 30, projects: 2, days: 14, sessionsPerUser: 3 },
  });
  const start = T0 - 10 * MIN;
  memory.ingest(
    KEY,
    body(
      9001,
      [...events(start, 12, 20_000), custom('dozor:url', start + 60_000, { url: 'https://app.test/pricing', pathname: '/pricing' })],
      metadata({ userIdentity: { userId: 'usr_periods', traits: { email: 'p@x.test', 'job title': 'CTO' } } }),
    ),
  );
  return memory;
}

interface Rig {
  memory: MemoryBackend;
  http: DozorBackend;
  contract: Contract;
}

function rig(
  handlerOptions: Partial<DozorHandlersOptions> = {},
  httpOptions: Partial<HttpBackendOptions> = {},
  memory = seededMemory(),
): Rig {
  const contract = new Contract(spec);
  const handlers = createDozorHandlers(memory, { baseUrl: BASE, ...handlerOptions });
  // The memory backend behind the handlers has the real server's bugs fixed: nothing to declare.
  const http = createHttpBackend({
    baseUrl: BASE,
    fetch: contract.wrap(handlersFetch(handlers)),
    retryDelayMs: 1,
    limitations: {},
    ...httpOptions,
  });
  return { memory, http, contract };
}

async function raw(
  memory: MemoryBackend,
  path: string,
  init: RequestInit = {},
  options: Partial<DozorHandlersOptions> = {},
): Promise<Response> {
  return handlersFetch(createDozorHandlers(memory, { baseUrl: BASE, ...options }))(`${BASE}${path}`, init);
}

async function walk(backend: DozorBackend, query: ListUsersQuery): Promise<unknown[]> {
  const rows: unknown[] = [];
  let cursor: string | null = null;
  for (let pageNo = 0; pageNo < 100; pageNo++) {
    const page = await backend.listUsers({ ...query, cursor });
    rows.push(...page.data);
    cursor = page.nextCursor;
    if (cursor === null) return rows;
  }
  throw new Error('the walk did not end');
}

const LIST_QUERIES: ListUsersQuery[] = [
  {},
  { sort: 'sessions', sortDir: 'asc', limit: 7 },
  { sort: 'active-time', limit: 5 },
  { sort: 'newest', sortDir: 'asc', projectIds: ['p2'] },
  { statuses: ['ONLINE', 'ACTIVE_24H'], limit: 3 },
  { search: 'a', projectIds: ['p1', 'p2', 'stray'], sort: 'last-seen', sortDir: 'asc', limit: 4 },
];

describe('MSW handlers ↔ HTTP adapter round trip (memory backend direct vs over HTTP)', () => {
  let r: Rig;
  beforeEach(() => {
    r = rig();
  });
  afterEach(() => {
    expect(r.contract.violations, r.contract.violations.join('\n')).to.deep.equal([]);
  });

  it('lists users identically for several sorts and filters, page by page and over a full cursor walk', async () => {
    const listSchema = schemaOf('/api/tracked-users');
    const itemSchema = (listSchema['properties'] as Record<string, Record<string, unknown>>)['data']!;
    for (const query of LIST_QUERIES) {
      const direct = await r.memory.listUsers(query);
      // Tags are the adapter's own (computed from the fields, on the real clock): compared in http-backend.test.ts.
      expect(projectOnto(listSchema, await r.http.listUsers(query)), JSON.stringify(query)).to.deep.equal(projectOnto(listSchema, direct));
      const directWalk = await walk(r.memory, query);
      expect(directWalk.length).to.be.greaterThan(0);
      expect(projectOnto(itemSchema, await walk(r.http, query)), JSON.stringify(query)).to.deep.equal(projectOnto(itemSchema, directWalk));
    }
  });

  it('serves summary, projects, detail, activity, timeline, sessions and status identically', async () => {
    const [user] = (await r.memory.listUsers({ search: 'usr_periods' })).data;
    const busiest = (await r.memory.listUsers({ sort: 'sessions', limit: 1 })).data[0]!;
    expect(await r.http.getSummary()).to.deep.equal(projectOnto(schemaOf('/api/tracked-users/summary'), await r.memory.getSummary()));
    expect(await r.http.listProjects()).to.deep.equal(projectOnto(schemaOf('/api/projects'), await r.memory.listProjects()));
    for (const id of [user!.id, busiest.id]) {
      const detailSchema = schemaOf('/api/tracked-users/{userId}');
      expect(projectOnto(detailSchema, await r.http.getUser(id))).to.deep.equal(projectOnto(detailSchema, await r.memory.getUser(id)));
      for (const range of ['6h', '24h', '7d'] as const) {
        for (const pageLimit of [undefined, 1, 500]) {
          const query = pageLimit === undefined ? { range } : { range, pageLimit };
          expect(await r.http.getActivity(id, query)).to.deep.equal(
            projectOnto(schemaOf('/api/tracked-users/{userId}/activity'), await r.memory.getActivity(id, query)),
          );
        }
        expect(await r.http.getTimeline(id, { range })).to.deep.equal(
          projectOnto(schemaOf('/api/tracked-users/{userId}/timeline'), await r.memory.getTimeline(id, { range })),
        );
      }
      const sessionsSchema = schemaOf('/api/tracked-users/{userId}/sessions');
      expect(await r.http.listSessions(id)).to.deep.equal(projectOnto(sessionsSchema, await r.memory.listSessions(id)));
      const first = await r.memory.listSessions(id, { limit: 2 });
      expect(await r.http.listSessions(id, { limit: 2 })).to.deep.equal(projectOnto(sessionsSchema, first));
      if (first.nextCursor) {
        const query = { limit: 2, cursor: first.nextCursor };
        expect(await r.http.listSessions(id, query)).to.deep.equal(projectOnto(sessionsSchema, await r.memory.listSessions(id, query)));
      }
      expect(await r.http.getStatus(id)).to.deep.equal(await r.memory.getStatus(id));
    }
    const timeline = await r.http.getTimeline(user!.id, { range: '6h' });
    expect(timeline.sessions[0]!.periods.map((p) => p.pathname)).to.deep.equal(['/', '/pricing']);
  });

  it("exercises every documented operation's success response, each conforming to its schema", async () => {
    const id = (await r.memory.listUsers({ sort: 'sessions', limit: 1 })).data[0]!.id;
    await Promise.all([
      r.http.listProjects(),
      r.http.listUsers(),
      r.http.getSummary(),
      r.http.getUser(id),
      r.http.getActivity(id, { range: '24h' }),
      r.http.listSessions(id),
      r.http.getStatus(id),
      r.http.getTimeline(id, { range: '24h' }),
      r.http.updateDisplayName(id, { traitKey: 'email' }),
      r.http.updateProjectTraitKey('p1', 'email'),
    ]);
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(
        ([method, op]) => `${method.toUpperCase()} ${path} ${Object.keys(op.responses).find((s) => s.startsWith('2'))}`,
      ),
    );
    expect([...r.contract.seen].sort()).to.deep.equal(documented.sort());
  });

  it('applies a display-name PATCH (set, clear, trait key) visible to the next getUser', async () => {
    const id = (await r.memory.listUsers({ limit: 1 })).data[0]!.id;
    await r.http.updateDisplayName(id, { customName: '  Alex (acme rep) ' });
    const detail = await r.http.getUser(id);
    expect([detail.customName, detail.displayName]).to.deep.equal(['Alex (acme rep)', 'Alex (acme rep)']);
    expect(projectOnto(schemaOf('/api/tracked-users/{userId}'), detail)).to.deep.equal(
      projectOnto(schemaOf('/api/tracked-users/{userId}'), await r.memory.getUser(id)),
    );
    await r.http.updateDisplayName(id, { customName: null, traitKey: 'email' });
    expect((await r.http.getUser(id)).displayNameTraitKey).to.equal('email');
    await r.http.updateProjectTraitKey('p2', 'plan');
    expect((await r.memory.listProjects()).length).to.equal(2);
    expect(r.contract.seen.has('PATCH /api/tracked-users/{userId}/display-name 204')).to.equal(true);
    expect(r.contract.seen.has('PATCH /api/projects/{projectId}/display-name-trait-key 204')).to.equal(true);
  });
});

describe('MSW handlers: errors as the reference server sends them', () => {
  let r: Rig;
  beforeEach(() => {
    r = rig();
  });
  afterEach(() => {
    expect(r.contract.violations, r.contract.violations.join('\n')).to.deep.equal([]);
  });

  it('404 "User not found" / "Project not found"', async () => {
    const user = await rejection(r.http.getUser('nope'));
    expect([user.kind, user.status, user.message]).to.deep.equal(['not-found', 404, 'User not found']);
    expect((await rejection(r.http.getActivity('nope', { range: '24h' }))).message).to.equal('User not found');
    const project = await rejection(r.http.updateProjectTraitKey('nope', 'email'));
    expect([project.kind, project.message]).to.deep.equal(['not-found', 'Project not found']);
  });

  it('400 with zod-style issues for bad list params (reference §7.4: undocumented in OpenAPI)', async () => {
    const limit = await rejection(r.http.listUsers({ limit: 500 }));
    expect([limit.kind, limit.status, limit.field]).to.deep.equal(['validation', 400, 'limit']);
    expect(limit.message).to.equal('limit: Too big: expected number to be <=100');
    const statuses = await rejection(r.http.listUsers({ statuses: ['online' as 'ONLINE'] }));
    expect(statuses.field).to.equal('statuses.0');
    // Both requests break OpenAPI on purpose (that is what the server's 400 is for); the 400s themselves conform.
    expect(r.contract.violations).to.deep.equal([
      'GET /api/tracked-users: query limit=500: data must be <= 100',
      'GET /api/tracked-users: query statuses=online: data/0 must be equal to one of the allowed values',
    ]);
    r.contract.violations.length = 0;
  });

  it('400 for display-name bodies the server rejects, the refine message without a path', async () => {
    const id = (await r.memory.listUsers({ limit: 1 })).data[0]!.id;
    const empty = await rejection(r.http.updateDisplayName(id, {}));
    expect([empty.kind, empty.message, empty.issues]).to.deep.equal([
      'validation',
      'At least one of `customName` or `traitKey` must be provided',
      [{ path: [], message: 'At least one of `customName` or `traitKey` must be provided' }],
    ]);
    // The adapter sends a blank name as given (OpenAPI's minLength 1 holds): the server trims, then rejects.
    const blank = await rejection(r.http.updateDisplayName(id, { customName: '   ' }));
    expect([blank.kind, blank.field, blank.message]).to.deep.equal([
      'validation',
      'customName',
      'customName: Must be at least 1 character(s)',
    ]);
  });

  it('403 "Insufficient permissions" on both PATCH routes for a VIEWER, after the 404 check', async () => {
    const viewer = rig({ role: 'VIEWER' }, {}, r.memory);
    const id = (await r.memory.listUsers({ limit: 1 })).data[0]!.id;
    const error = await rejection(viewer.http.updateDisplayName(id, { customName: 'x' }));
    expect([error.kind, error.status, error.message]).to.deep.equal(['permission', 403, 'Insufficient permissions']);
    expect((await rejection(viewer.http.updateProjectTraitKey('p1', null))).kind).to.equal('permission');
    expect((await rejection(viewer.http.updateDisplayName('nope', { customName: 'x' }))).kind).to.equal('not-found');
    expect((await viewer.http.getUser(id)).customName).to.equal(null);
    expect(viewer.contract.violations).to.deep.equal([]);
  });

  it('500 for a malformed JSON body on a PATCH (reference §7.5)', async () => {
    const id = (await r.memory.listUsers({ limit: 1 })).data[0]!.id;
    const response = await raw(r.memory, `/api/tracked-users/${id}/display-name`, {
      method: 'PATCH',
      body: '{"customName":',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).to.equal(500);
    const project = await raw(r.memory, '/api/projects/p1/display-name-trait-key', { method: 'PATCH', body: 'nope' });
    expect(project.status).to.equal(500);
  });
});

describe('MSW handlers: reference quirks and documented discrepancies (reference §7.4)', () => {
  it('reads projectIds / statuses as one comma-separated string', async () => {
    const memory = seededMemory();
    const response = await raw(memory, '/api/tracked-users?projectIds=p2,,stray&statuses=ONLINE,ACTIVE_24H,IDLE_7D,DORMANT&limit=100');
    const served = (await response.json()) as { data: { projectId: string }[] };
    expect(served.data.length).to.be.greaterThan(0);
    expect(served.data.every((u) => u.projectId === 'p2')).to.equal(true);
  });

  it('clamps pageLimit like the server (OpenAPI has no maximum): unreadable → 5, "12abc" → 12, 9999 → 500', async () => {
    const memory = seededMemory();
    const id = (await memory.listUsers({ sort: 'sessions', limit: 1 })).data[0]!.id;
    const rows = async (pageLimit: string) =>
      (
        (await (await raw(memory, `/api/tracked-users/${id}/activity?range=7d&pageLimit=${pageLimit}`)).json()) as {
          pageDistribution: unknown[];
        }
      ).pageDistribution.length;
    const all = (await memory.getActivity(id, { range: '7d', pageLimit: 500 })).pageDistribution.length;
    expect(await rows('abc')).to.equal(Math.min(5, all));
    expect(await rows('1abc')).to.equal(Math.min(1, all));
    expect(await rows('9999')).to.equal(all);
    const lenientRange = (await (await raw(memory, `/api/tracked-users/${id}/timeline?range=1y`)).json()) as { range: string };
    expect(lenientRange.range).to.equal('24h');
  });

  it('serves bucketMs 900000 for 24h where the OpenAPI example shows 3600000', async () => {
    const r = rig();
    const id = (await r.memory.listUsers({ limit: 1 })).data[0]!.id;
    expect((await r.http.getActivity(id, { range: '24h' })).bucketMs).to.equal(900_000);
    expect((exampleOf('/api/tracked-users/{userId}/activity') as { bucketMs: number }).bucketMs).to.equal(3_600_000);
    expect(r.contract.violations).to.deep.equal([]);
  });

  it('sends null user fields on the sessions sub-route where the OpenAPI example shows a userId', async () => {
    const r = rig();
    const id = (await r.memory.listUsers({ sort: 'sessions', limit: 1 })).data[0]!.id;
    const served = (await (await raw(r.memory, `/api/tracked-users/${id}/sessions`)).json()) as { data: Record<string, unknown>[] };
    expect(served.data.every((s) => s['userId'] === null && s['userDisplayName'] === null && s['userTraits'] === null)).to.equal(true);
    expect((exampleOf('/api/tracked-users/{userId}/sessions') as { data: { userId: string }[] }).data[0]!.userId).to.equal('usr_abc123');
  });

  it("accepts every OpenAPI example with the adapter's validators", async () => {
    const examples: [string, (b: DozorBackend) => Promise<unknown>][] = [
      ['/api/projects', (b) => b.listProjects()],
      ['/api/tracked-users', (b) => b.listUsers()],
      ['/api/tracked-users/summary', (b) => b.getSummary()],
      ['/api/tracked-users/{userId}', (b) => b.getUser('u')],
      ['/api/tracked-users/{userId}/activity', (b) => b.getActivity('u', { range: '24h' })],
      ['/api/tracked-users/{userId}/sessions', (b) => b.listSessions('u')],
      ['/api/tracked-users/{userId}/status', (b) => b.getStatus('u')],
      ['/api/tracked-users/{userId}/timeline', (b) => b.getTimeline('u', { range: '24h' })],
    ];
    for (const [path, call] of examples) {
      const example = exampleOf(path);
      // The example's organization, so that the project list goes straight to /api/projects.
      const organizationId = path === '/api/projects' ? (example as { organizationId: string }[])[0]!.organizationId : 'org_example';
      const http = createHttpBackend({ baseUrl: BASE, organizationId, fetch: (async () => Response.json(example)) as typeof fetch });
      const result = projectOnto(schemaOf(path), await call(http)); // without the adapter's tags
      const expected = path.endsWith('/sessions')
        ? { data: [{ ...(example as { data: object[] }).data[0], userId: null }], nextCursor: null }
        : example;
      expect(result, path).to.deep.equal(expected);
    }
  });

  it('covers every route of the OpenAPI file', () => {
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const outsideOpenApi: readonly string[] = ['POST /api/ingest', 'POST /api/sessions/cancel', 'GET /api/auth/session'];
    expect([...DOZOR_ROUTES].filter((route) => !outsideOpenApi.includes(route)).sort()).to.deep.equal(documented.sort());
  });
});

describe('MSW handlers: POST /api/ingest (reference §4.3; not in the OpenAPI file)', () => {
  const batch = (n: number, userId: string) => body(n, events(T0 - MIN, 12), metadata({ userIdentity: { userId } }));

  it('accepts a batch with the public key: 204 with CORS, and the user appears over HTTP', async () => {
    const r = rig();
    const response = await raw(r.memory, '/api/ingest', {
      method: 'POST',
      headers: { 'X-Dozor-Public-Key': KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify(batch(7001, 'usr_new')),
    });
    expect([response.status, await response.text()]).to.deep.equal([204, '']);
    expect(response.headers.get('Access-Control-Allow-Origin')).to.equal('*');
    const found = await r.http.listUsers({ search: 'usr_new' });
    expect(found.data.map((u) => [u.externalId, u.status])).to.deep.equal([['usr_new', 'ONLINE']]);
  });

  it('accepts a gzip body', async () => {
    const memory = seededMemory();
    const gz = new Blob([JSON.stringify(batch(7002, 'usr_gz'))]).stream().pipeThrough(new CompressionStream('gzip'));
    const bytes = await new Response(gz).arrayBuffer();
    const response = await raw(memory, '/api/ingest', {
      method: 'POST',
      headers: { 'X-Dozor-Public-Key': KEY, 'Content-Encoding': 'gzip' },
      body: bytes,
    });
    expect(response.status).to.equal(204);
    expect((await memory.listUsers({ search: 'usr_gz' })).data).to.have.length(1);
  });

  it('rejects a missing or unknown key (401, before the body), and a bad body (400 { error })', async () => {
    const memory = seededMemory();
    const post = (headers: Record<string, string>, data: string) => raw(memory, '/api/ingest', { method: 'POST', headers, body: data });
    const missing = await post({}, 'not json');
    expect([missing.status, await missing.json()]).to.deep.equal([401, { error: 'Missing X-Dozor-Public-Key header' }]);
    const unknown = await post({ 'X-Dozor-Public-Key': 'dp_nope' }, JSON.stringify(batch(1, 'x')));
    expect([unknown.status, await unknown.json()]).to.deep.equal([401, { error: 'Invalid API key' }]);
    expect(unknown.headers.get('Access-Control-Allow-Origin')).to.equal('*');
    const invalid = await post({ 'X-Dozor-Public-Key': KEY }, JSON.stringify({ sessionId: 'not-a-uuid', events: [] }));
    expect([invalid.status, await invalid.json()]).to.deep.equal([400, { error: 'sessionId: Invalid UUID' }]);
    const notJson = await post({ 'X-Dozor-Public-Key': KEY }, '{');
    expect(notJson.status).to.equal(400);
  });

  it('answers the CORS preflight with 204', async () => {
    const response = await raw(seededMemory(), '/api/ingest', { method: 'OPTIONS' });
    expect(response.status).to.equal(204);
    expect(response.headers.get('Access-Control-Allow-Headers')).to.contain('X-Dozor-Public-Key');
  });
});

describe('MSW handlers: latency and injected faults', () => {
  it('delays responses by latencyMs', async () => {
    const r = rig({ latencyMs: 60 });
    const started = performance.now();
    await r.http.getSummary();
    expect(performance.now() - started).to.be.at.least(55);
  });

  it('injects a status once (`times`), which the adapter retries through for a GET', async () => {
    const r = rig({ faults: { 'GET /api/tracked-users/summary': { status: 503, times: 1 } } });
    expect((await r.http.getSummary()).total).to.be.greaterThan(0);
    const failing = rig({ faults: { '*': { status: 503 } } }, { retries: 1 });
    const error = await rejection(failing.http.getSummary());
    expect([error.kind, error.status]).to.deep.equal(['server', 503]);
  });

  it('injects 401 / 429 with headers / network errors / timeouts', async () => {
    const auth = rig({ faults: { '*': { status: 401 } } });
    expect(await rejection(auth.http.listProjects())).to.include({ kind: 'auth', message: 'Unauthorized' });
    const limited = rig({ faults: { 'GET /api/tracked-users': { status: 429, headers: { 'Retry-After': '3' } } } });
    const rateLimit = await rejection(limited.http.listUsers());
    expect([rateLimit.kind, rateLimit.retryAfterMs]).to.deep.equal(['rate-limit', 3000]);
    const offline = rig({ faults: { '*': { networkError: true } } }, { retries: 0 });
    expect((await rejection(offline.http.getSummary())).kind).to.equal('network');
    const silent = rig({ faults: { 'GET /api/tracked-users/summary': { timeout: true } } }, { timeoutMs: 50 });
    expect((await rejection(silent.http.getSummary())).kind).to.equal('timeout');
  });

  it('injects malformed bodies (default: first field dropped; or a rewrite), caught by the adapter with the field', async () => {
    const dropped = rig({ faults: { 'GET /api/tracked-users': { malformed: true } } });
    expect(await rejection(dropped.http.listUsers())).to.include({ kind: 'invalid-response', field: 'data' });
    const rewritten = rig({
      faults: (route) =>
        route === 'GET /api/tracked-users/summary' ? { malformed: (b) => ({ ...(b as object), onlineNow: -1 }) } : undefined,
    });
    expect(await rejection(rewritten.http.getSummary())).to.include({ kind: 'invalid-response', field: 'onlineNow' });
    expect(await rewritten.http.listProjects()).to.have.length(2);
  });
});

describe('MSW handlers in a service worker (msw/browser)', () => {
  const memory = seededMemory();
  const worker = setupWorker(...createDozorHandlers(memory, { baseUrl: '' }));
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => {
    worker.stop();
  });

  it('serves the adapter through the real fetch, same origin', async () => {
    const http = createHttpBackend({ baseUrl: '' });
    const query: ListUsersQuery = { sort: 'sessions', limit: 10 };
    const listSchema = schemaOf('/api/tracked-users');
    expect(projectOnto(listSchema, await http.listUsers(query))).to.deep.equal(projectOnto(listSchema, await memory.listUsers(query)));
    expect(await http.getSummary()).to.deep.equal(projectOnto(schemaOf('/api/tracked-users/summary'), await memory.getSummary()));
    const id = (await memory.listUsers({ limit: 1 })).data[0]!.id;
    await http.updateDisplayName(id, { customName: 'Via worker' });
    expect((await http.getUser(id)).displayName).to.equal('Via worker');
  });
});

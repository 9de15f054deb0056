// The real Dozor server's recorded answers (test/fixtures/dozor-server/exchanges.json) replayed through
// the HTTP adapter, and its SDK-route answers compared with the MSW handlers'. Each case returns what
// the adapter (or MSW) produced and what the recording holds; the Chromium test
// (test/backend/recorded-server.test.ts) and the Node one (test/node/recorded-server.test.ts) compare them.
import { createHttpBackend } from '../../src/backend/http/index.js';
import { createMemoryBackend } from '../../src/backend/memory/index.js';
import { createDozorHandlers } from '../../src/backend/msw/index.js';
import { DozorBackendError } from '../../src/backend/errors.js';
import type { DozorBackend, ListUsersQuery, Page, SortDirection, TrackedUserListItem, UserSort } from '../../src/backend/index.js';
import { tagsOfUser, type ActivityRange, type UserStatus } from '../../src/core/index.js';
import { handlersFetch } from './http-helpers.js';

export interface Exchange {
  name: string;
  request: {
    method: string;
    path: string;
    headers: Record<string, string>;
    session: { cookie: boolean; role: string; userId?: string; activeOrganizationId?: string };
  };
  body?: unknown;
  bodyIsRawText?: boolean;
  response: { status: number; headers: Record<string, string>; body: unknown };
}

export interface ServerRecording {
  recordedAt: number;
  server: { name: string; commit: string };
  exchanges: Exchange[];
}

export interface ReplayCase {
  name: string;
  run: () => Promise<{ actual: unknown; expected: unknown }>;
}

const BASE = 'http://dozor.recorded.test';
const SDK_ROUTES = ['/api/ingest', '/api/sessions/cancel'];

const pathnameOf = (path: string) => new URL(path, BASE).pathname;

function responseOf(exchange: Exchange): Response {
  const { status, headers, body } = exchange.response;
  const text = body === '' ? null : typeof body === 'string' && !headers['content-type']?.includes('json') ? body : JSON.stringify(body);
  return new Response(status === 204 ? null : text, { status, headers });
}

/**
 * A fetch serving `sequence` in turn, each only for a request to its exchange's route; a request for
 * the dashboard's session is served the recorded session of the same signed-in user. Records the URLs.
 */
function servingRecording(recording: ServerRecording, sequence: Exchange[]): { fetch: typeof fetch; urls: URL[] } {
  const urls: URL[] = [];
  let next = 0;
  const sessionOf = (exchange: Exchange) =>
    recording.exchanges.find(
      (e) => e.request.path === '/api/auth/session' && e.request.session.userId === exchange.request.session.userId,
    )!;
  const fetchDouble = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input));
    urls.push(url);
    const current = sequence[Math.min(next, sequence.length - 1)]!;
    if (url.pathname === '/api/auth/session' && pathnameOf(current.request.path) !== '/api/auth/session')
      return responseOf(sessionOf(current));
    next++;
    if (url.pathname !== pathnameOf(current.request.path) || (init.method ?? 'GET') !== current.request.method) {
      throw new Error(`${current.name}: the adapter asked for ${init.method ?? 'GET'} ${url.pathname}`);
    }
    return responseOf(current);
  };
  return { fetch: fetchDouble as typeof fetch, urls };
}

function adapter(recording: ServerRecording, sequence: Exchange[], organizationId?: string): { backend: DozorBackend; urls: URL[] } {
  const { fetch, urls } = servingRecording(recording, sequence);
  return { backend: createHttpBackend({ baseUrl: BASE, fetch, retries: 0, ...(organizationId ? { organizationId } : {}) }), urls };
}

/** The list query an exchange's query string stands for (what a host would pass to `listUsers`). */
function listQueryOf(params: URLSearchParams): ListUsersQuery {
  const query: ListUsersQuery = {};
  const list = (name: string) => params.get(name)?.split(',');
  if (params.has('search')) query.search = params.get('search')!;
  if (params.has('projectIds')) query.projectIds = list('projectIds')!;
  if (params.has('statuses')) query.statuses = list('statuses') as UserStatus[];
  if (params.has('sort')) query.sort = params.get('sort') as UserSort;
  if (params.has('sortDir')) query.sortDir = params.get('sortDir') as SortDirection;
  if (params.has('limit')) query.limit = Number(params.get('limit'));
  if (params.has('cursor')) query.cursor = params.get('cursor');
  return query;
}

/** The adapter call for one recorded request. */
function callFor(exchange: Exchange): (backend: DozorBackend) => Promise<unknown> {
  const url = new URL(exchange.request.path, BASE);
  const params = url.searchParams;
  const [, , resource, id, sub] = url.pathname.split('/');
  const body = exchange.bodyIsRawText ? { customName: 'any' } : (exchange.body as Record<string, unknown> | undefined);
  if (resource === 'projects') {
    return id === undefined
      ? (b) => b.listProjects()
      : (b) => b.updateProjectTraitKey(decodeURIComponent(id), (body?.['traitKey'] ?? null) as string | null);
  }
  if (id === undefined) return (b) => b.listUsers(listQueryOf(params));
  if (id === 'summary') return (b) => b.getSummary();
  const userId = decodeURIComponent(id);
  const range = (params.get('range') ?? undefined) as ActivityRange;
  switch (sub) {
    case undefined:
      return (b) => b.getUser(userId);
    case 'display-name':
      return (b) => b.updateDisplayName(userId, body ?? {});
    case 'activity':
      return (b) => b.getActivity(userId, { range, ...(params.has('pageLimit') ? { pageLimit: Number(params.get('pageLimit')) } : {}) });
    case 'timeline':
      return (b) => b.getTimeline(userId, { range });
    case 'sessions':
      return (b) =>
        b.listSessions(userId, {
          ...(params.has('limit') ? { limit: Number(params.get('limit')) } : {}),
          ...(params.has('cursor') ? { cursor: params.get('cursor') } : {}),
        });
    case 'status':
      return (b) => b.getStatus(userId);
  }
  throw new Error(`no adapter call for ${exchange.request.path}`);
}

const KIND_OF_STATUS: Record<number, string> = { 400: 'validation', 401: 'auth', 403: 'permission', 404: 'not-found', 500: 'server' };

/** An error as the comparison sees it: its kind, status, message and issue paths. */
function errorView(error: unknown): unknown {
  if (!(error instanceof DozorBackendError)) throw error;
  return { kind: error.kind, status: error.status, message: error.message, issuePaths: error.issues.map((issue) => issue.path) };
}

function expectedError(exchange: Exchange): unknown {
  const { status, body } = exchange.response;
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as { error?: string; issues?: { path: (string | number)[] }[] };
  return {
    kind: KIND_OF_STATUS[status],
    status,
    message: envelope.error ?? `HTTP ${status}`,
    issuePaths: (envelope.issues ?? []).map((issue) => issue.path),
  };
}

/** Without the tags the adapter adds (they are checked against `tagsOfUser` of the recorded fields). */
function untagged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(untagged);
  if (typeof value !== 'object' || value === null) return value;
  const { tags: _tags, ...rest } = value as Record<string, unknown>;
  return Object.fromEntries(Object.entries(rest).map(([key, inner]) => [key, key === 'traits' ? inner : untagged(inner)]));
}

function tagsOf(value: unknown): string[][] {
  const users = Array.isArray((value as Page<TrackedUserListItem>)?.data)
    ? (value as Page<TrackedUserListItem>).data
    : [value as TrackedUserListItem];
  return users.map((user) => (user.tags ?? []).map((tag) => tag.id));
}

const isUserAnswer = (exchange: Exchange) => {
  const [, , resource, id, sub] = pathnameOf(exchange.request.path).split('/');
  return exchange.request.method === 'GET' && resource === 'tracked-users' && id !== 'summary' && sub === undefined;
};

/** What the recording holds for one exchange, as the adapter should hand it over. */
function expectedAnswer(exchange: Exchange, activeOrganization: string | undefined): unknown {
  const { body } = exchange.response;
  if (exchange.request.method === 'PATCH') return undefined;
  const params = new URL(exchange.request.path, BASE).searchParams;
  if (pathnameOf(exchange.request.path) === '/api/projects') {
    // Scoped to the organization asked for, else the active one: a foreign project never comes through.
    const organizationId = params.get('organizationId') ?? activeOrganization;
    return (body as { organizationId: string }[]).filter((project) => project.organizationId === organizationId);
  }
  // limitations.statusFilterWindow: a status-filtered list is one page.
  if (params.has('statuses')) return { ...(body as object), nextCursor: null };
  return body;
}

/** One case per recorded answer of a signed-in or signed-out dashboard route (not the SDK's). */
export function answerCases(recording: ServerRecording): ReplayCase[] {
  return recording.exchanges
    .filter(
      (exchange) => !SDK_ROUTES.includes(pathnameOf(exchange.request.path)) && pathnameOf(exchange.request.path) !== '/api/auth/session',
    )
    .map((exchange) => ({
      name: exchange.name,
      run: async () => {
        const active = exchange.request.session.activeOrganizationId;
        const organizationId = new URL(exchange.request.path, BASE).searchParams.get('organizationId') ?? active;
        const { backend } = adapter(recording, [exchange], organizationId);
        const ok = exchange.response.status < 300;
        let actual: unknown;
        try {
          const result = await callFor(exchange)(backend);
          actual = isUserAnswer(exchange) ? { answer: untagged(result), tags: tagsOf(result) } : result;
        } catch (error) {
          actual = errorView(error);
        }
        if (!ok) return { actual, expected: expectedError(exchange) };
        const expected = expectedAnswer(exchange, active);
        if (!isUserAnswer(exchange)) return { actual, expected };
        const now = Date.now();
        const users = Array.isArray((expected as Page<TrackedUserListItem>).data)
          ? (expected as Page<TrackedUserListItem>).data
          : [expected as TrackedUserListItem];
        return { actual, expected: { answer: expected, tags: users.map((user) => tagsOfUser(user, now).map((tag) => tag.id)) } };
      },
    }));
}

/** Recorded walks: exchanges named `<walk>, page N`, served in turn to the adapter following its cursors. */
export function walkCases(recording: ServerRecording): ReplayCase[] {
  const walks = new Map<string, Exchange[]>();
  for (const exchange of recording.exchanges) {
    const match = /^(.*), page \d+$/.exec(exchange.name);
    if (match) walks.set(match[1]!, [...(walks.get(match[1]!) ?? []), exchange]);
  }
  return [...walks].map(([name, pages]) => ({
    name,
    run: async () => {
      const first = new URL(pages[0]!.request.path, BASE);
      const sessions = first.pathname.endsWith('/sessions');
      const { backend, urls } = adapter(recording, pages);
      const rows: string[] = [];
      const sentCursors: (string | null)[] = [];
      let cursor: string | null = null;
      for (let request = 0; request < pages.length + 1; request++) {
        const call = sessions
          ? backend.listSessions(decodeURIComponent(first.pathname.split('/')[3]!), {
              limit: Number(first.searchParams.get('limit')),
              cursor,
            })
          : backend.listUsers({ ...listQueryOf(first.searchParams), cursor });
        const page: Page<{ externalId: string }> = await call;
        rows.push(...page.data.map((row) => row.externalId));
        cursor = page.nextCursor;
        if (cursor === null) break;
      }
      for (const url of urls) sentCursors.push(url.searchParams.get('cursor'));
      // The recording's pages, each row once (the adapter drops repeats); one page when the server ignores the cursor.
      const served = first.searchParams.has('statuses') ? pages.slice(0, 1) : pages;
      const expectedRows = [
        ...new Set(served.flatMap((page) => (page.response.body as Page<{ externalId: string }>).data.map((row) => row.externalId))),
      ];
      const expectedCursors = served.map((page) => new URL(page.request.path, BASE).searchParams.get('cursor'));
      return { actual: { rows, sentCursors }, expected: { rows: expectedRows, sentCursors: expectedCursors } };
    },
  }));
}

/** The recording's placeholder keys (`<public key of prj_…>`) as keys of the memory backend's projects. */
function keyFor(placeholder: string): string {
  const match = /^<public key of (prj_\w+)>$/.exec(placeholder);
  return match ? `dp_recorded_${match[1]}` : placeholder;
}

/**
 * The SDK routes' recorded exchanges (ingest and cancel, errors included) sent in order to the MSW
 * handlers over a memory backend with the recording's projects: the same statuses and bodies, and the
 * sessions the recording implies after each one (the cancel-me session exists from its ingest until
 * the cancel with the right key; nothing else is ever stored).
 */
export async function sdkRouteReplay(recording: ServerRecording): Promise<{ actual: unknown[]; expected: unknown[] }> {
  const memory = createMemoryBackend({
    now: () => recording.recordedAt,
    projects: ['prj_prod', 'prj_staging', 'prj_mkt'].map((id) => ({ id, name: id, key: keyFor(`<public key of ${id}>`) })),
  });
  const fetchImpl = handlersFetch(createDozorHandlers(memory, { baseUrl: BASE }));
  const actual: unknown[] = [];
  const expected: unknown[] = [];
  let stored = 0;
  for (const exchange of recording.exchanges.filter((e) => SDK_ROUTES.includes(pathnameOf(e.request.path)))) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(exchange.request.headers))
      headers[name] = name === 'x-dozor-public-key' ? keyFor(value) : value;
    const text = exchange.bodyIsRawText ? (exchange.body as string) : JSON.stringify(exchange.body);
    const response = await fetchImpl(`${BASE}${exchange.request.path}`, { method: exchange.request.method, headers, body: text });
    const answer = await response.text();
    const sessions = (await memory.listProjects()).reduce((sum, project) => sum + project.sessionCount, 0);
    if (exchange.name.startsWith('ingest a session')) stored = 1;
    if (exchange.name === 'cancel (204)') stored = 0;
    actual.push({ name: exchange.name, status: response.status, body: answer === '' ? '' : (JSON.parse(answer) as unknown), sessions });
    expected.push({ name: exchange.name, status: exchange.response.status, body: exchange.response.body, sessions: stored });
  }
  return { actual, expected };
}

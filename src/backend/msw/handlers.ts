/**
 * MSW 2 request handlers that serve a memory backend over Dozor's REST contract (reference §1, §4.3),
 * so the HTTP adapter runs end to end in Storybook, the demo and tests.
 *
 * Bodies are exactly what the reference server sends: only the contract's fields (the memory
 * backend's additions such as `identity`, `tags`, `total` are dropped, as the OpenAPI objects are
 * closed), ISO timestamps, the `{ error, issues? }` envelope with the reference's statuses and
 * messages, `204` on PATCH and ingest, `Cache-Control: no-store` where the server sets it.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { DozorBackendError, type DozorValidationIssue } from '../errors.js';
import * as checks from '../http/validate-response.js';
import { checkResponse, type Check } from '../kit/checks.js';
import { MEMORY_ORGANIZATION_ID, type MemoryBackend } from '../memory/index.js';
import type { ActivityRange } from '../../core/index.js';
import type { ListUsersQuery, Role, SortDirection, UserSort } from '../types.js';

/**
 * Every route of the reference contract, named `METHOD path` with MSW-style parameters, plus the SDK's
 * two routes (ingest, cancel) and the dashboard's `GET /api/auth/session` (where the HTTP adapter
 * learns the active organization).
 */
export const DOZOR_ROUTES = Object.freeze([
  'GET /api/projects',
  'PATCH /api/projects/:projectId/display-name-trait-key',
  'GET /api/tracked-users',
  'GET /api/tracked-users/summary',
  'GET /api/tracked-users/:userId',
  'PATCH /api/tracked-users/:userId/display-name',
  'GET /api/tracked-users/:userId/activity',
  'GET /api/tracked-users/:userId/sessions',
  'GET /api/tracked-users/:userId/timeline',
  'GET /api/tracked-users/:userId/status',
  'POST /api/ingest',
  'POST /api/sessions/cancel',
  'GET /api/auth/session',
] as const);
export type DozorRoute = (typeof DOZOR_ROUTES)[number];

/**
 * A failure to inject into a route's responses. The first matching option wins, in this order:
 * - `networkError`: the request fails like a dropped connection (`fetch` rejects with a TypeError);
 * - `timeout`: no response ever comes (until the client aborts the request);
 * - `status`: that status with the error envelope `{ error: message }` (message defaults to the
 *   reference's text for the status, e.g. 401 "Unauthorized"), plus `headers` (e.g. `Retry-After`);
 * - `malformed`: the real response, corrupted: `true` drops the body's first field (or, for an array,
 *   replaces its first item with null; for a body-less 204, sends `{`), a function rewrites the body.
 */
export interface DozorFault {
  networkError?: boolean;
  timeout?: boolean;
  status?: number;
  message?: string;
  headers?: Record<string, string>;
  malformed?: true | ((body: unknown) => unknown);
  /** How many requests the fault applies to before the route works again; default: all of them. */
  times?: number;
}

/**
 * Faults by route (`'GET /api/tracked-users'`) or `'*'` for every route (a route's own entry wins),
 * or a function called for every request, returning the fault to inject or undefined.
 */
export type DozorFaults = Partial<Record<DozorRoute | '*', DozorFault>> | ((route: DozorRoute, request: Request) => DozorFault | undefined);

export interface DozorHandlersOptions {
  /** The origin (and path prefix) the API is served under, as given to `createHttpBackend`; `''` = same origin. */
  baseUrl: string;
  /** The caller's role in the org: `VIEWER` gets 403 "Insufficient permissions" on both PATCH routes. Default OWNER. */
  role?: Role;
  /** Delay before every response, in ms (or MSW's `'real'`, a random 100–400 ms); default none. */
  latencyMs?: number | 'real';
  faults?: DozorFaults;
}

/** The reference server's text for the statuses it sends (reference §1.1, §1.2). */
const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Invalid input',
  401: 'Unauthorized',
  403: 'Insufficient permissions',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  429: 'Too many requests',
};

/** The SDK's public-key routes (ingest, cancel) are the ones with CORS (reference §4.3). */
const INGEST_CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Content-Encoding, X-Dozor-Public-Key',
};
const NO_STORE = { 'Cache-Control': 'no-store' };
const SESSION_CACHE = { 'Cache-Control': 'private, no-cache, no-store' };
/** What the real server answers for an SDK body that is not JSON (the recording's "ingest with a malformed JSON body"). */
const UNREADABLE_SDK_BODY = 'Required';
/** How long the signed-in session of `GET /api/auth/session` says it lasts (Auth.js's default: 30 days). */
const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
/** The server's gzip cap on an ingest body (reference §4.3). */
const MAX_INGEST_BYTES = 10 * 1024 * 1024;

/** The zod-style text of a validation error: `path: message; path: message` (reference §1.2). */
function validationText(issues: readonly DozorValidationIssue[]): string {
  if (issues.length === 0) return 'Invalid input';
  return issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/** A backend error as the reference server's response. */
function errorResponse(error: unknown, extraHeaders: Record<string, string> = {}): Response {
  if (!(error instanceof DozorBackendError)) return new HttpResponse(null, { status: 500, headers: extraHeaders });
  if (error.kind === 'validation') {
    // The memory backend names a whole-body problem `body`; zod reports it with an empty path.
    const issues = error.issues.map((issue) => ({ ...issue, path: issue.path.length === 1 && issue.path[0] === 'body' ? [] : issue.path }));
    return HttpResponse.json({ error: validationText(issues), issues }, { status: 400, headers: extraHeaders });
  }
  const status = error.kind === 'not-found' ? 404 : error.kind === 'auth' ? 401 : error.kind === 'permission' ? 403 : 500;
  if (status === 500) return new HttpResponse(null, { status, headers: extraHeaders });
  return HttpResponse.json({ error: error.message }, { status, headers: extraHeaders });
}

function corrupt(body: unknown, malformed: DozorFault['malformed']): unknown {
  if (typeof malformed === 'function') return malformed(body);
  if (Array.isArray(body)) return [null, ...(body as unknown[]).slice(1)];
  if (typeof body === 'object' && body !== null) {
    const [, ...rest] = Object.entries(body);
    return Object.fromEntries(rest);
  }
  return body;
}

/** Waits until the request is aborted (then fails it), or forever when nothing aborts it. */
function neverAnswer(request: Request): Promise<Response> {
  return new Promise((resolve) => {
    request.signal.addEventListener('abort', () => resolve(HttpResponse.error()), { once: true });
  });
}

function splitList(raw: string | null): string[] | undefined {
  return raw === null ? undefined : raw.split(',').filter((item) => item !== '');
}

/** The list's query string as the reference server's zod schema reads it (reference §1.4). */
function listQueryOf(url: URL): ListUsersQuery {
  const p = url.searchParams;
  const query: ListUsersQuery = {};
  const search = p.get('search');
  if (search !== null) query.search = search;
  const projectIds = splitList(p.get('projectIds'));
  if (projectIds) query.projectIds = projectIds;
  const statuses = splitList(p.get('statuses'));
  // Not checked here: the memory backend rejects an unknown status as the server does.
  if (statuses) query.statuses = statuses as ListUsersQuery['statuses'];
  const sort = p.get('sort');
  if (sort !== null) query.sort = sort as UserSort;
  const sortDir = p.get('sortDir');
  if (sortDir !== null) query.sortDir = sortDir as SortDirection;
  const cursor = p.get('cursor');
  if (cursor !== null) query.cursor = cursor;
  const limit = p.get('limit');
  if (limit !== null) query.limit = Number(limit); // z.coerce.number(): "" → 0, "abc" → NaN, both then rejected
  return query;
}

/** A PATCH body; malformed JSON is a 500 on the real server (reference §1.2, §7.5), signalled by `undefined`. */
async function jsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: JSON.parse(await request.text()) as unknown };
  } catch {
    return { ok: false };
  }
}

/** The ingest body: gunzipped when `Content-Encoding: gzip`, capped at 10 MiB; `null` when too large. */
async function ingestText(request: Request): Promise<string | null> {
  const gzip = /\bgzip\b/i.test(request.headers.get('Content-Encoding') ?? '');
  if (!gzip || !request.body) return request.text();
  const reader = request.body.pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_INGEST_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The handlers for `backend`, one per route of the reference contract (see `DOZOR_ROUTES`). Faults
 * with `times` count down across the returned handlers' lifetime; create new handlers to reset them.
 */
export function createDozorHandlers(backend: MemoryBackend, options: DozorHandlersOptions): HttpHandler[] {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const role = options.role ?? 'OWNER';
  const faultUses = new Map<DozorFault, number>();

  function faultFor(route: DozorRoute, request: Request): DozorFault | undefined {
    const faults = options.faults;
    if (!faults) return undefined;
    const fault = typeof faults === 'function' ? faults(route, request) : (faults[route] ?? faults['*']);
    if (!fault) return undefined;
    const used = faultUses.get(fault) ?? 0;
    if (fault.times !== undefined && used >= fault.times) return undefined;
    faultUses.set(fault, used + 1);
    return fault;
  }

  /** Wraps a route's work with latency, faults and the error envelope. */
  function route(
    key: DozorRoute,
    work: (request: Request, params: Record<string, string>) => Promise<Response>,
    errorHeaders: Record<string, string> = {},
  ): HttpHandler {
    const [method, path] = key.split(' ') as [string, string];
    const resolver = async ({ request, params }: { request: Request; params: Record<string, string | readonly string[] | undefined> }) => {
      if (options.latencyMs !== undefined) await delay(options.latencyMs);
      const fault = faultFor(key, request);
      if (fault?.networkError) return HttpResponse.error();
      if (fault?.timeout) return neverAnswer(request);
      if (fault?.status !== undefined) {
        const message = fault.message ?? DEFAULT_MESSAGES[fault.status] ?? 'Internal Server Error';
        return HttpResponse.json({ error: message }, { status: fault.status, headers: { ...errorHeaders, ...fault.headers } });
      }
      let response: Response;
      try {
        response = await work(request, params as Record<string, string>);
      } catch (error) {
        return errorResponse(error, errorHeaders);
      }
      if (!fault?.malformed) return response;
      const text = await response.text();
      const corrupted = text === '' ? '{' : JSON.stringify(corrupt(JSON.parse(text), fault.malformed));
      return new HttpResponse(corrupted, { status: response.status === 204 ? 200 : response.status, headers: response.headers });
    };
    const url = `${baseUrl}${path}`;
    return method === 'GET' ? http.get(url, resolver) : method === 'PATCH' ? http.patch(url, resolver) : http.post(url, resolver);
  }

  /** A 200 JSON response holding only the contract's fields of `value`. */
  function json<T>(check: Check<T>, value: T, headers: Record<string, string> = {}): Response {
    return HttpResponse.json(checkResponse(check, value) as Record<string, unknown>, { headers });
  }

  function requireAdmin(): void {
    if (role === 'VIEWER') throw new DozorBackendError('permission', 'Insufficient permissions', { status: 403 });
  }

  /**
   * withPublicKey checks the key before the body is read (reference §4.3). The memory backend checks
   * the key first too and changes nothing on a bad body, so a body-less call is a side-effect-free probe.
   */
  function requireIngestKey(key: string): void {
    try {
      backend.ingest(key, null);
    } catch (error) {
      if (error instanceof DozorBackendError && error.kind === 'auth') throw error;
    }
  }

  const range = (request: Request) => new URL(request.url).searchParams.get('range') as ActivityRange; // lenient: parseRange in the backend

  /** An SDK route's validation failure: `{ error }` only, without `issues` (reference §4.3). */
  function sdkRoute(key: 'POST /api/ingest' | 'POST /api/sessions/cancel', apply: (publicKey: string, body: unknown) => void): HttpHandler {
    return route(
      key,
      async (request) => {
        const publicKey = request.headers.get('X-Dozor-Public-Key') ?? '';
        requireIngestKey(publicKey);
        const text = await ingestText(request);
        if (text === null) return HttpResponse.json({ error: 'Payload too large' }, { status: 413, headers: INGEST_CORS_HEADERS });
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return HttpResponse.json({ error: UNREADABLE_SDK_BODY }, { status: 400, headers: INGEST_CORS_HEADERS });
        }
        try {
          apply(publicKey, body);
        } catch (error) {
          if (error instanceof DozorBackendError && error.kind === 'validation') {
            return HttpResponse.json({ error: validationText(error.issues) }, { status: 400, headers: INGEST_CORS_HEADERS });
          }
          throw error;
        }
        return new HttpResponse(null, { status: 204, headers: INGEST_CORS_HEADERS });
      },
      INGEST_CORS_HEADERS,
    );
  }

  const sessionIdOf = (body: unknown) =>
    typeof body === 'object' && body !== null ? (body as { sessionId?: unknown }).sessionId : undefined;

  return [
    route('GET /api/projects', async (request) => {
      const organizationId = new URL(request.url).searchParams.get('organizationId');
      const projects = await backend.listProjects();
      return json(checks.projectsCheck, organizationId === null ? projects : projects.filter((p) => p.organizationId === organizationId));
    }),
    route('PATCH /api/projects/:projectId/display-name-trait-key', async (request, { projectId }) => {
      // Reference §1.12: "Project not found" before the role check.
      if (!(await backend.listProjects()).some((p) => p.id === projectId)) {
        throw new DozorBackendError('not-found', 'Project not found', { status: 404 });
      }
      requireAdmin();
      const parsed = await jsonBody(request);
      if (!parsed.ok) return new HttpResponse(null, { status: 500 });
      const body = parsed.body;
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        throw new DozorBackendError('validation', 'Invalid input', {
          status: 400,
          issues: [{ path: [], message: 'Invalid input: expected object' }],
        });
      }
      await backend.updateProjectTraitKey(projectId!, (body as { traitKey?: string | null }).traitKey as string | null);
      return new HttpResponse(null, { status: 204 });
    }),
    route('GET /api/tracked-users/summary', async () => json(checks.summaryCheck, await backend.getSummary())),
    route('GET /api/tracked-users', async (request) =>
      json(checks.userPageCheck, await backend.listUsers(listQueryOf(new URL(request.url)))),
    ),
    route('GET /api/tracked-users/:userId', async (_request, { userId }) => json(checks.detailCheck, await backend.getUser(userId!))),
    route('PATCH /api/tracked-users/:userId/display-name', async (request, { userId }) => {
      await backend.getUser(userId!); // Reference §1.11: "User not found" before the role check.
      requireAdmin();
      const parsed = await jsonBody(request);
      if (!parsed.ok) return new HttpResponse(null, { status: 500 });
      await backend.updateDisplayName(userId!, parsed.body as Parameters<MemoryBackend['updateDisplayName']>[1]);
      return new HttpResponse(null, { status: 204 });
    }),
    route('GET /api/tracked-users/:userId/activity', async (request, { userId }) => {
      const pageLimit = new URL(request.url).searchParams.get('pageLimit');
      // The backend reads pageLimit as the server does (parseInt, ≤ 0 or unreadable → 5, max 500).
      const query = { range: range(request), ...(pageLimit === null ? {} : { pageLimit: pageLimit as unknown as number }) };
      return json(checks.activityCheck, await backend.getActivity(userId!, query), NO_STORE);
    }),
    route('GET /api/tracked-users/:userId/sessions', async (request, { userId }) => {
      const p = new URL(request.url).searchParams;
      const limit = p.get('limit');
      const cursor = p.get('cursor');
      // limit stays a string: the backend's lenient parseLimitParam reads it as the server does.
      const query = { ...(limit === null ? {} : { limit: limit as unknown as number }), ...(cursor === null ? {} : { cursor }) };
      return json(checks.sessionPageCheck, await backend.listSessions(userId!, query));
    }),
    route('GET /api/tracked-users/:userId/timeline', async (request, { userId }) =>
      json(checks.timelineCheck, await backend.getTimeline(userId!, { range: range(request) }), NO_STORE),
    ),
    route('GET /api/tracked-users/:userId/status', async (_request, { userId }) =>
      json(checks.statusCheck, await backend.getStatus(userId!), NO_STORE),
    ),
    sdkRoute('POST /api/ingest', (publicKey, body) => backend.ingest(publicKey, body)),
    // The real server deletes the session and answers 204, also for an unknown session or another project's key.
    sdkRoute('POST /api/sessions/cancel', (publicKey, body) => backend.cancelSession(publicKey, sessionIdOf(body) as string)),
    http.options(`${baseUrl}/api/ingest`, () => new HttpResponse(null, { status: 204, headers: INGEST_CORS_HEADERS })),
    http.options(`${baseUrl}/api/sessions/cancel`, () => new HttpResponse(null, { status: 204, headers: INGEST_CORS_HEADERS })),
    // Auth.js's session as the dashboard reads it; the memory backend has one organization.
    route('GET /api/auth/session', async () =>
      HttpResponse.json(
        {
          user: {
            name: 'Memory Owner',
            email: 'owner@memory.test',
            image: null,
            id: 'usr_memory',
            activeOrganizationId: MEMORY_ORGANIZATION_ID,
            locale: 'en',
          },
          expires: new Date(backend.now() + SESSION_LIFETIME_MS).toISOString(),
        },
        { headers: SESSION_CACHE },
      ),
    ),
  ];
}

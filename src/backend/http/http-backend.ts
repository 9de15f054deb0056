/**
 * The HTTP adapter (SPEC §4): Dozor's REST API (reference §1) behind the `DozorBackend` interface.
 *
 * - Requests are exactly what the reference server parses: comma-separated `projectIds` / `statuses`,
 *   `sort` / `sortDir` / `cursor` / `limit` on the list, `range` / `pageLimit` on activity, PATCH bodies
 *   that carry only the fields to change (omitted = unchanged, null = clear).
 * - Every response is checked at run time (validate-response.ts); a malformed one rejects with an
 *   `invalid-response` error naming the field.
 * - Failures become `DozorBackendError`s with the kinds of the reference client (§1.2), plus `timeout`
 *   and `aborted`; idempotent reads are retried on 5xx and network failures with exponential backoff.
 * - Pagination quirks of the real server are contained (kit/page-guard.ts); the bugs no client can repair
 *   are declared in `capabilities.limitations` (a status-filtered list is one page: never a loop).
 * - Tags are computed from what list items and details carry (core's `tagsOfUser`).
 * - Projects are those of one organization: `organizationId`, else the active one, learned once from
 *   the dashboard's `GET /api/auth/session` (the server lists every organization's projects without it).
 */
import { clampPageLimit, parseRange, REST_USER_TAG_IDS, tagsOfUser, type ActivityRange } from '../../core/index.js';
import { abortedError, DozorBackendError, throwIfAborted, type DozorValidationIssue } from '../errors.js';
import {
  USER_SORTS,
  type ActivityQuery,
  type BackendCapabilities,
  type BackendLimitations,
  type DisplayNameUpdate,
  type DozorBackend,
  type ListUsersQuery,
  type Page,
  type RequestOptions,
  type ProjectInfo,
  type SessionsQuery,
  type TrackedUserDetail,
  type TrackedUserListItem,
} from '../types.js';
import { sleep, unlessAborted } from '../kit/abort.js';
import { errorKindForStatus, parseRetryAfter } from '../kit/status.js';
import { readBoundedText } from './bounded-body.js';
import { PageGuard } from '../kit/page-guard.js';
import {
  activityCheck,
  authSessionCheck,
  detailCheck,
  projectsCheck,
  sessionPageCheck,
  statusCheck,
  summaryCheck,
  timelineCheck,
  userPageCheck,
} from './validate-response.js';
import { checkResponse, type Check } from '../kit/checks.js';

export type HttpHeaders = Record<string, string>;

export interface HttpBackendOptions {
  /** Where Dozor's API lives: `''` for the same origin, or e.g. `https://dozor.example.com`; `/api/...` is appended. */
  baseUrl: string;
  /** The fetch to use (a proxy, a test double); defaults to the global `fetch`. */
  fetch?: typeof fetch;
  /** Extra headers, or a function called before every attempt (so a refreshed auth token is picked up). */
  headers?: HttpHeaders | (() => HttpHeaders | Promise<HttpHeaders>);
  /**
   * Cookie policy. The reference server authenticates with its session cookie (reference §1.1), so an
   * embed on another origin needs `'include'` (and a proxy, as the server sends no CORS headers).
   */
  credentials?: RequestCredentials;
  /** Per attempt, including reading the body; default 15 000 ms. */
  timeoutMs?: number;
  /** Extra attempts for a GET that failed with a 5xx or a network error; default 2. */
  retries?: number;
  /** The first backoff delay, doubled for each further retry; default 500 ms. */
  retryDelayMs?: number;
  /**
   * The organization whose projects the project filter offers. Default: the signed-in user's active
   * organization, read once from `GET /api/auth/session` (as the dashboard does).
   */
  organizationId?: string;
  /**
   * What the server gets wrong that no client can repair (`capabilities.limitations`). Default: the
   * bugs of the recorded Dozor server (`DOZOR_SERVER_LIMITATIONS`); `{}` for a server that has them
   * fixed, such as the MSW handlers over the memory backend (then status-filtered lists paginate).
   */
  limitations?: BackendLimitations;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 500;

/**
 * The recorded Dozor server's bugs (kharko-dozor-dashboard c01cc38, test/fixtures/dozor-server): its
 * status filter reads only its 500 most recently updated users and ignores the cursor, every sort is
 * page-local, and search reads `externalId` / `customName` only.
 */
export const DOZOR_SERVER_LIMITATIONS: BackendLimitations = Object.freeze({
  statusFilterWindow: 500,
  pageLocalSort: true,
  searchFields: Object.freeze(['externalId', 'customName']),
});

/**
 * What the reference server serves (OpenAPI `dozor-openapi.tracked-users.json`): every sort, the
 * search / project / status filters, every block and both edits. It has identified users only (no
 * identity filter), tracks no orders (every tag but Buyer, computed here from its fields), reports no
 * `total` and pushes nothing (elements poll). Its bugs that no client can repair, as the recording in
 * test/fixtures/dozor-server shows them, are declared in `limitations`.
 */
export const HTTP_CAPABILITIES: BackendCapabilities = Object.freeze({
  sorts: USER_SORTS,
  filters: Object.freeze({ search: true, projects: true, statuses: true, identities: Object.freeze(['identified'] as const) }),
  blocks: Object.freeze({ summary: true, activity: true, pageDistribution: true, timeline: true, sessions: true, status: true }),
  tags: REST_USER_TAG_IDS,
  edits: Object.freeze({ displayName: true, projectTraitKey: true }),
  live: false,
  total: false,
  limitations: DOZOR_SERVER_LIMITATIONS,
});

function withTags<T extends TrackedUserListItem>(user: T, now: number): T {
  return { ...user, tags: tagsOfUser(user, now) };
}

function isIssue(value: unknown): value is DozorValidationIssue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as { path?: unknown; message?: unknown };
  return typeof message === 'string' && Array.isArray(path) && path.every((p) => typeof p === 'string' || typeof p === 'number');
}

/** The `{ error, issues? }` envelope (reference §1.2); a body that is not one (e.g. Next's HTML 500) yields nothing. */
function readEnvelope(text: string): { message?: string; issues?: DozorValidationIssue[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof body !== 'object' || body === null) return {};
  const { error, issues } = body as { error?: unknown; issues?: unknown };
  const envelope: { message?: string; issues?: DozorValidationIssue[] } = {};
  if (typeof error === 'string' && error !== '') envelope.message = error;
  if (Array.isArray(issues)) {
    // Malformed issues are dropped rather than failing the whole error: the status already says enough.
    envelope.issues = issues
      .filter(isIssue)
      .map((issue) => ({ path: [...issue.path], message: issue.message, ...(typeof issue.code === 'string' ? { code: issue.code } : {}) }));
  }
  return envelope;
}

function errorForResponse(response: Response, body: string): DozorBackendError {
  const { message, issues } = readEnvelope(body);
  const status = response.status;
  const text = message ?? `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const kind = errorKindForStatus(status);
  if (kind === 'rate-limit')
    return new DozorBackendError(kind, text, { status, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')) });
  return new DozorBackendError(kind, text, { status, ...(issues && issues.length > 0 ? { issues } : {}) });
}

/** Why the per-attempt controller was aborted, when it was us. */
const TIMED_OUT = Symbol('timed out');

type Method = 'GET' | 'PATCH';
type QueryParams = [name: string, value: string][];

interface RequestSpec {
  method: Method;
  path: string;
  params?: QueryParams;
  body?: unknown;
  signal: AbortSignal | undefined;
}

/** The list's query string, in the reference client's format (reference §1.13), without the cursor. */
function listParams(query: ListUsersQuery): QueryParams {
  const params: [string, string | undefined][] = [
    ['search', query.search?.trim()],
    ['projectIds', query.projectIds?.filter((id) => id !== '').join(',')],
    ['statuses', query.statuses?.join(',')],
    ['sort', query.sort],
    ['sortDir', query.sortDir],
    ['limit', query.limit?.toString()],
  ];
  // Only what is set: an empty search, no projects, no statuses are no parameter at all.
  return params.filter((param): param is [string, string] => !!param[1]);
}

export function createHttpBackend(options: HttpBackendOptions): DozorBackend {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = Math.max(0, Math.floor(options.retries ?? DEFAULT_RETRIES));
  const retryDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const guard = new PageGuard();

  function urlOf(path: string, params: QueryParams = []): string {
    const query = new URLSearchParams(params).toString();
    return `${baseUrl}${path}${query ? `?${query}` : ''}`;
  }

  async function headersFor(hasBody: boolean): Promise<HttpHeaders> {
    const extra = typeof options.headers === 'function' ? await options.headers() : options.headers;
    return { Accept: 'application/json', ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...extra };
  }

  /** One attempt: the response's status and body text, or a `network` / `timeout` / `aborted` error. */
  async function attempt(spec: RequestSpec): Promise<{ response: Response; text: string }> {
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(spec.signal!.reason);
    spec.signal?.addEventListener('abort', onCallerAbort, { once: true });
    const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
    try {
      const hasBody = spec.body !== undefined;
      const init: RequestInit = {
        method: spec.method,
        headers: await headersFor(hasBody),
        signal: controller.signal,
        ...(options.credentials ? { credentials: options.credentials } : {}),
        ...(hasBody ? { body: JSON.stringify(spec.body) } : {}),
      };
      throwIfAborted(spec.signal);
      const response = await unlessAborted(controller.signal, () => fetchImpl(urlOf(spec.path, spec.params), init));
      const text = await unlessAborted(controller.signal, () => readBoundedText(response));
      return { response, text };
    } catch (error) {
      if (spec.signal?.aborted) throw abortedError(spec.signal.reason);
      if (controller.signal.reason === TIMED_OUT) {
        throw new DozorBackendError('timeout', `No response within ${timeoutMs} ms`, { cause: error });
      }
      if (error instanceof DozorBackendError) throw error;
      throw new DozorBackendError('network', 'The server could not be reached', { cause: error });
    } finally {
      clearTimeout(timer);
      spec.signal?.removeEventListener('abort', onCallerAbort);
    }
  }

  /** Sends a request (retrying idempotent reads) and returns the parsed JSON body, or undefined for an empty one. */
  async function send(spec: RequestSpec): Promise<unknown> {
    for (let attemptNo = 0; ; attemptNo++) {
      let failure: DozorBackendError;
      try {
        const { response, text } = await attempt(spec);
        if (response.ok) return parseBody(text);
        failure = errorForResponse(response, text);
      } catch (error) {
        failure = error as DozorBackendError;
      }
      // Only idempotent reads, and only failures a second try can fix (not 4xx, not a timeout).
      const retryable = spec.method === 'GET' && failure.retryable;
      if (!retryable || attemptNo >= retries) throw failure;
      await sleep(retryDelayMs * 2 ** attemptNo, spec.signal);
    }
  }

  function parseBody(text: string): unknown {
    if (text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new DozorBackendError('invalid-response', 'Malformed server response: the body is not JSON', {
        field: 'response',
        cause: error,
      });
    }
  }

  async function get<T>(path: string, check: Check<T>, signal: AbortSignal | undefined, params?: QueryParams): Promise<T> {
    const body = await send({ method: 'GET', path, signal, params });
    const checked = checkResponse(check, body);
    throwIfAborted(signal);
    return checked;
  }

  async function patch(path: string, body: unknown, signal: AbortSignal | undefined): Promise<void> {
    await send({ method: 'PATCH', path, body, signal });
    throwIfAborted(signal);
  }

  const userPath = (userId: string, sub = '') => `/api/tracked-users/${encodeURIComponent(userId)}${sub}`;

  /**
   * The organization to scope projects to: the option, else the active one of the signed-in session,
   * asked once (kept once known; asked again while signed out). A server without the auth route (a
   * proxy that only forwards the API) answers 404: then projects go unscoped, as before.
   */
  let learnedOrganization: string | null | undefined = options.organizationId;
  async function organizationScope(signal: AbortSignal | undefined): Promise<string | null> {
    if (learnedOrganization !== undefined) return learnedOrganization;
    try {
      const session = await get('/api/auth/session', authSessionCheck, signal);
      const active = session?.user.activeOrganizationId ?? null;
      if (active !== null) learnedOrganization = active;
      return active;
    } catch (error) {
      if (error instanceof DozorBackendError && error.kind === 'not-found') return (learnedOrganization = null);
      throw error;
    }
  }

  const capabilities: BackendCapabilities =
    options.limitations === undefined
      ? HTTP_CAPABILITIES
      : Object.freeze({ ...HTTP_CAPABILITIES, limitations: Object.freeze({ ...options.limitations }) });

  return {
    capabilities,

    getSummary(opts?: RequestOptions) {
      return get('/api/tracked-users/summary', summaryCheck, opts?.signal);
    },

    async listProjects(opts?: RequestOptions): Promise<ProjectInfo[]> {
      const organizationId = await organizationScope(opts?.signal);
      const projects = await get(
        '/api/projects',
        projectsCheck,
        opts?.signal,
        organizationId === null ? [] : [['organizationId', organizationId]],
      );
      // The server scopes by the parameter; a foreign project in the answer still never reaches the filter.
      return organizationId === null ? projects : projects.filter((project) => project.organizationId === organizationId);
    },

    async listUsers(query: ListUsersQuery = {}, opts?: RequestOptions): Promise<Page<TrackedUserListItem>> {
      throwIfAborted(opts?.signal);
      // The server has identified users only (capabilities): nobody is anonymous.
      if (query.identity === 'anonymous') return { data: [], nextCursor: null };
      const params = listParams(query);
      const cursor = query.cursor ?? null;
      const page = await get('/api/tracked-users', userPageCheck, opts?.signal, cursor === null ? params : [...params, ['cursor', cursor]]);
      const now = Date.now();
      const tagged = { ...page, data: page.data.map((user) => withTags(user, now)) };
      // A server whose status-filtered cursor serves page 1 again has no next page to offer.
      if (capabilities.limitations?.statusFilterWindow !== undefined && (query.statuses ?? []).length > 0) tagged.nextCursor = null;
      return guard.accept(`users?${new URLSearchParams(params).toString()}`, cursor, tagged);
    },

    async getUser(userId: string, opts?: RequestOptions): Promise<TrackedUserDetail> {
      return withTags(await get(userPath(userId), detailCheck, opts?.signal), Date.now());
    },

    getActivity(userId: string, query: ActivityQuery, opts?: RequestOptions) {
      const params: QueryParams = [['range', parseRange(query?.range)]];
      // Reference §7.4: OpenAPI sets no maximum but the server clamps to 500; send what it will use.
      if (query?.pageLimit !== undefined) params.push(['pageLimit', String(clampPageLimit(query.pageLimit))]);
      return get(userPath(userId, '/activity'), activityCheck, opts?.signal, params);
    },

    getTimeline(userId: string, query: { range: ActivityRange }, opts?: RequestOptions) {
      return get(userPath(userId, '/timeline'), timelineCheck, opts?.signal, [['range', parseRange(query?.range)]]);
    },

    async listSessions(userId: string, query: SessionsQuery = {}, opts?: RequestOptions) {
      const params: QueryParams = [];
      if (query.limit !== undefined) params.push(['limit', String(query.limit)]);
      const cursor = query.cursor ?? null;
      const page = await get(
        userPath(userId, '/sessions'),
        sessionPageCheck,
        opts?.signal,
        cursor === null ? params : [...params, ['cursor', cursor]],
      );
      return guard.accept(`sessions:${userId}?${new URLSearchParams(params).toString()}`, cursor, page);
    },

    getStatus(userId: string, opts?: RequestOptions) {
      return get(userPath(userId, '/status'), statusCheck, opts?.signal);
    },

    updateDisplayName(userId: string, update: DisplayNameUpdate, opts?: RequestOptions) {
      // Omitted = unchanged: `undefined` fields are left out (JSON.stringify drops them), null is sent.
      const body: DisplayNameUpdate = {};
      if (update?.customName !== undefined) body.customName = update.customName;
      if (update?.traitKey !== undefined) body.traitKey = update.traitKey;
      return patch(userPath(userId, '/display-name'), body, opts?.signal);
    },

    updateProjectTraitKey(projectId: string, traitKey: string | null, opts?: RequestOptions) {
      return patch(`/api/projects/${encodeURIComponent(projectId)}/display-name-trait-key`, { traitKey }, opts?.signal);
    },
  };
}

// Shared helpers for the HTTP adapter tests: a scripted fetch double and wire-format fixtures.
import { getResponse, type HttpHandler } from 'msw';

export const BASE = 'http://dozor.test';

export interface RecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
  signal: AbortSignal | undefined;
}

/** Answers one call; returning a never-settling promise simulates a server that does not answer. */
export type Responder = (call: RecordedCall) => Response | Promise<Response>;

/** A fetch double answering with `responders` in turn (the last one repeats) and recording every call. */
export function scriptedFetch(...responders: Responder[]): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetchDouble = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const call: RecordedCall = {
      url: String(input),
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      credentials: init.credentials,
      signal: init.signal ?? undefined,
    };
    calls.push(call);
    const responder = responders[Math.min(calls.length - 1, responders.length - 1)]!;
    return responder(call);
  };
  return { fetch: fetchDouble as typeof fetch, calls };
}

export const json =
  (body: unknown, init: ResponseInit = {}): Responder =>
  () =>
    new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });

export const status =
  (code: number, body?: unknown, headers: Record<string, string> = {}): Responder =>
  () =>
    new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status: code, headers });

export const networkFailure: Responder = () => Promise.reject(new TypeError('Failed to fetch'));

/** A server that never answers, and (like a careless double) ignores the abort signal. */
export const silence: Responder = () => new Promise<Response>(() => {});

export function listItem(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    externalId: `ext_${id}`,
    displayName: `User ${id}`,
    projectId: 'p1',
    projectName: 'Production',
    traits: { plan: 'pro' },
    sessionCount: 3,
    lastEventAt: '2026-05-01T11:59:00.000Z',
    status: 'ONLINE',
    activeTime7d: 120,
    createdAt: '2026-04-20T10:00:00.000Z',
    ...extra,
  };
}

export function page(ids: string[], nextCursor: string | null): Record<string, unknown> {
  return { data: ids.map((id) => listItem(id)), nextCursor };
}

/** A fetch that hands every request to MSW handlers in-process (no service worker needed). */
export function handlersFetch(handlers: HttpHandler[]): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) throw new TypeError(`No handler for ${request.method} ${request.url}`);
    // HttpResponse.error() is a network error: fetch rejects with a TypeError for it.
    if (response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  }) as typeof fetch;
}

export async function rejection(
  promise: Promise<unknown>,
): Promise<Error & { kind: string; field?: string; status?: number; issues: unknown[]; retryAfterMs?: number }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { kind: string; field?: string; status?: number; issues: unknown[] };
  }
  throw new Error('expected a rejection');
}

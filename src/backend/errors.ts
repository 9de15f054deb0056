/** Why a backend call failed; elements choose their message and retry behaviour from it. */
export type DozorErrorKind =
  | 'auth'
  | 'permission'
  | 'not-found'
  | 'validation'
  | 'conflict'
  | 'rate-limit'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-response';

export const DOZOR_ERROR_KINDS: readonly DozorErrorKind[] = Object.freeze([
  'auth',
  'permission',
  'not-found',
  'validation',
  'conflict',
  'rate-limit',
  'server',
  'network',
  'timeout',
  'aborted',
  'invalid-response',
]);

/** One field-level problem, shaped like the reference server's zod issues. */
export interface DozorValidationIssue {
  path: (string | number)[];
  message: string;
  code?: string;
}

export interface DozorBackendErrorOptions {
  status?: number;
  issues?: DozorValidationIssue[];
  /** The field of a malformed response or request (for `invalid-response` and `validation`). */
  field?: string;
  /** For `rate-limit`: how long the server asked to wait (its `Retry-After`), when it said. */
  retryAfterMs?: number;
  cause?: unknown;
}

/** The only error a `DozorBackend` rejects with. */
export class DozorBackendError extends Error {
  override readonly name = 'DozorBackendError';
  readonly kind: DozorErrorKind;
  readonly status: number | undefined;
  readonly issues: DozorValidationIssue[];
  readonly field: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(kind: DozorErrorKind, message: string, options: DozorBackendErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options.status;
    this.issues = options.issues ?? [];
    this.field = options.field ?? options.issues?.[0]?.path.join('.');
    this.retryAfterMs = options.retryAfterMs;
  }

  /**
   * Worth retrying automatically for an idempotent read: a 5xx, or no answer at all. Not a timeout (a
   * second try would wait as long again), not a rate limit (the server said when), not any other 4xx.
   */
  get retryable(): boolean {
    return this.kind === 'server' || (this.kind === 'network' && this.status === undefined);
  }
}

export function isDozorBackendError(error: unknown): error is DozorBackendError {
  return error instanceof DozorBackendError;
}

/** A validation error naming the offending field, as the reference server reports it. */
export function validationError(field: string, message: string): DozorBackendError {
  return new DozorBackendError('validation', `${field}: ${message}`, {
    status: 400,
    issues: [{ path: field.split('.'), message }],
  });
}

/** The error every backend rejects with once the caller's signal fires; `cause` is the abort reason. */
export function abortedError(cause?: unknown): DozorBackendError {
  return new DozorBackendError('aborted', 'The request was aborted', { cause });
}

/** Rejects with an `aborted` error when the signal has fired; call before and after async work. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal.reason);
}

/** True for our own `aborted` errors and for the platform's AbortError. */
export function isAbortError(error: unknown): boolean {
  if (error instanceof DozorBackendError) return error.kind === 'aborted';
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

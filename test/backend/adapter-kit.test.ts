// The adapter toolkit (src/backend/kit) that the HTTP and Ductape adapters share: one status → kind
// mapping, which failures are worth retrying, and the abort protocol.
import { expect } from '@open-wc/testing';
import { DozorBackendError } from '../../src/backend/errors.js';
import { sleep, unlessAborted } from '../../src/backend/kit/abort.js';
import { errorKindForStatus } from '../../src/backend/kit/status.js';
import { rejection } from './http-helpers.js';

describe('adapter toolkit', () => {
  it('maps every status to one kind, for every adapter', () => {
    const statuses = [302, 400, 401, 403, 404, 408, 409, 413, 418, 422, 429, 500, 502, 503, 599];
    expect(statuses.map((status) => [status, errorKindForStatus(status)])).to.deep.equal([
      [302, 'network'],
      [400, 'validation'],
      [401, 'auth'],
      [403, 'permission'],
      [404, 'not-found'],
      [408, 'timeout'],
      [409, 'conflict'],
      [413, 'validation'],
      [418, 'validation'],
      [422, 'validation'],
      [429, 'rate-limit'],
      [500, 'server'],
      [502, 'server'],
      [503, 'server'],
      [599, 'server'],
    ]);
  });

  it('calls a 5xx or a missing answer retryable, nothing else', () => {
    const retryable = (kind: DozorBackendError['kind'], status?: number) =>
      new DozorBackendError(kind, 'x', status === undefined ? {} : { status }).retryable;
    expect([
      retryable('server', 503),
      retryable('network'),
      retryable('network', 302),
      retryable('timeout'),
      retryable('rate-limit', 429),
      retryable('validation', 400),
    ]).to.deep.equal([true, true, false, false, false, false]);
  });

  it('lets the signal win over work that ignores it, and drops the late answer', async () => {
    const controller = new AbortController();
    let settle!: (value: string) => void;
    const pending = unlessAborted(controller.signal, () => new Promise<string>((resolve) => (settle = resolve)));
    controller.abort('stale');
    const error = await rejection(pending);
    expect([error.kind, (error as Error & { cause?: unknown }).cause]).to.deep.equal(['aborted', 'stale']);
    settle('late');
    expect(await unlessAborted(undefined, async () => 'answer')).to.equal('answer');
    expect(
      (
        await rejection(
          unlessAborted(
            undefined,
            async () => Promise.reject(new Error('boom')),
            () => new DozorBackendError('network', 'mapped'),
          ),
        )
      ).message,
    ).to.equal('mapped');
    expect((await rejection(sleep(60_000, AbortSignal.abort()))).kind).to.equal('aborted');
  });
});

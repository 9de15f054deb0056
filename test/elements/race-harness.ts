/**
 * The race harness (issue 15): a backend whose answers are released by a fast-check scheduler, so a
 * property decides in which order requests resolve relative to each other and to input changes. Cheap
 * by design: the memory backend underneath, small datasets, no real waits.
 */
import fc from 'fast-check';
import { install } from '@sinonjs/fake-timers';
import { abortedError, type BackendChangeListener, type DozorBackend, type RequestOptions } from '../../src/backend/index.js';
import { PUSH_COALESCE_MS } from '../../src/elements/shared/live-controller.js';
import { RACE_RUNS } from 'dozor:race-config';

type InstalledClock = ReturnType<typeof install>;

/** Runs per race property: 500 with `DOZOR_RACE_RUNS=500 npm test`, else what fits CI's budget. */
export function raceRuns(budget: number): number {
  return RACE_RUNS > 0 ? RACE_RUNS : budget;
}

const READS = ['getSummary', 'listProjects', 'listUsers', 'getUser', 'getActivity', 'getTimeline', 'listSessions', 'getStatus'] as const;

function signalOf(args: unknown[]): AbortSignal | undefined {
  for (const arg of args) {
    const signal = (arg as RequestOptions | undefined)?.signal;
    if (signal instanceof AbortSignal) return signal;
  }
  return undefined;
}

export interface ScheduledBackend extends DozorBackend {
  /** Tells the subscribed elements that these users changed, as a pushing backend does after an ingest. */
  push(userIds: readonly string[]): void;
}

/**
 * `inner`'s reads, each answered when the scheduler releases it (data as of the call, like a server
 * that answers late), rejecting as aborted when the caller aborted meanwhile. Its pushes are the
 * property's to make (`push`), not the inner backend's.
 */
export function scheduledBackend(inner: DozorBackend, scheduler: fc.Scheduler, name = 'backend'): ScheduledBackend {
  const listeners = new Set<BackendChangeListener>();
  const backend: ScheduledBackend = {
    ...inner,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    push(userIds) {
      for (const listener of [...listeners]) listener({ type: 'ingest', userIds: [...userIds] });
    },
  };
  for (const method of READS) {
    const read = inner[method] as (...args: unknown[]) => Promise<unknown>;
    (backend as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const signal = signalOf(args);
      const answer = read.apply(inner, args);
      return scheduler.schedule(answer, `${name}.${method}`).then((value) => {
        if (signal?.aborted) throw abortedError(signal.reason);
        return value;
      });
    };
  }
  return backend;
}

/**
 * Runs one property run under fake timers: live refresh (pushes coalesced by a timer, polling) happens
 * only when the run says so (`livePush`), and no real time passes.
 */
export async function withFakeTimers<T>(run: (clock: InstalledClock) => Promise<T>): Promise<T> {
  const clock = install({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  try {
    return await run(clock);
  } finally {
    clock.uninstall();
  }
}

/** A push from the backend, and the coalescing delay after which the elements refresh for it. */
export function livePush(backend: ScheduledBackend, clock: InstalledClock, userIds: readonly string[]): void {
  backend.push(userIds);
  clock.tick(PUSH_COALESCE_MS);
}

/** An input change the property applies at a point the scheduler picks. */
export interface RaceStep {
  label: string;
  run: () => void | Promise<void>;
}

/**
 * One step of several input changes made in the same task (a host page that sets a property right
 * after a click, a restore from the URL next to an attribute change): no update runs between them.
 */
export function burst(steps: readonly RaceStep[]): RaceStep {
  return {
    label: steps.map((step) => step.label).join(' & '),
    run: () => {
      for (const step of steps) void step.run();
    },
  };
}

/**
 * Applies the steps in order, each released by the scheduler among the answers, then lets everything
 * settle: every answer released, every update rendered, until nothing new was asked.
 */
export async function runRace(scheduler: fc.Scheduler, steps: readonly RaceStep[], settled: () => Promise<unknown>): Promise<void> {
  const sequence = scheduler.scheduleSequence(steps.map((step) => ({ label: step.label, builder: async () => step.run() })));
  await settled();
  // An element that asks again after every answer never gets quiet: that is a failure, not a long run.
  for (let round = 0; !sequence.done || scheduler.count() > 0; round++) {
    if (round > MAX_ROUNDS)
      throw new Error(
        `still requesting after ${MAX_ROUNDS} rounds of answers: ${scheduler
          .report()
          .slice(-5)
          .map((task) => task.label)
          .join(', ')}`,
      );
    await scheduler.waitIdle();
    await settled();
  }
}

const MAX_ROUNDS = 100;

/** Waits for an element and its shadow descendants to finish their Lit updates. */
export async function updatesDone(root: Element): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const pending = [root, ...deepElements(root)].filter((el) => 'updateComplete' in el) as unknown as {
      updateComplete: Promise<boolean>;
      isUpdatePending?: boolean;
    }[];
    await Promise.all(pending.map((el) => el.updateComplete));
    await Promise.resolve();
    if (!pending.some((el) => el.isUpdatePending)) return;
  }
}

/** Every element inside `root`'s shadow roots, depth first. */
export function deepElements(root: Element): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const child of node.querySelectorAll('*')) {
      found.push(child);
      if (child.shadowRoot) visit(child.shadowRoot);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  return found;
}

/** `fc.assert` whose failure message carries the failed assertion (the test runner shows no `cause`). */
export async function assertRace<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, runs: number): Promise<void> {
  try {
    await fc.assert(property, { numRuns: runs });
  } catch (error) {
    const cause = (error as Error).cause;
    if (cause instanceof Error) (error as Error).message += `\nCaused by: ${cause.message}`;
    throw error;
  }
}

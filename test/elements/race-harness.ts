/**
 * The race harness (issue 15): a backend whose answers are released by a fast-check scheduler, so a
 * property decides in which order requests resolve relative to each other and to input changes. Cheap
 * by design: the memory backend underneath, small datasets, no real waits.
 */
import fc from 'fast-check';
import { abortedError, type DozorBackend, type RequestOptions } from '../../src/backend/index.js';
import { RACE_RUNS } from 'dozor:race-config';

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

/**
 * `inner`'s reads, each answered when the scheduler releases it (data as of the call, like a server
 * that answers late), rejecting as aborted when the caller aborted meanwhile. No `subscribe`: live
 * refresh is an input the property drives, not a timer.
 */
export function scheduledBackend(inner: DozorBackend, scheduler: fc.Scheduler, name = 'backend'): DozorBackend {
  const backend: DozorBackend = { ...inner, subscribe: undefined };
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
  while (!sequence.done || scheduler.count() > 0) {
    await scheduler.waitIdle();
    await settled();
  }
  await settled();
  while (scheduler.count() > 0) {
    await scheduler.waitIdle();
    await settled();
  }
}

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

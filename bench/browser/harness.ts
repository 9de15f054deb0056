// The page side of the browser benchmark, shared by the three list contenders: it makes the rows,
// mounts the contender, and exposes what the runner (scripts/bench-browser.mjs) measures as
// `window.listBench`. Each contender module calls `runListBench` with its own mount / unmount.
import type { TrackedUserListItem } from '../../src/backend/index.js';
import { benchRows } from './rows.js';

export interface ListContender {
  /** Renders `rows` into `container`; resolves once the first rows are in the DOM. */
  mount(container: HTMLElement, rows: TrackedUserListItem[]): Promise<void>;
  /** For the 100k case: resolves once all `rows.length` rows are loaded into the list (setup, not timed). */
  loadAll?(container: HTMLElement, rows: TrackedUserListItem[]): Promise<void>;
  unmount(container: HTMLElement): void;
  /** The element that scrolls the rows. */
  scroller(container: HTMLElement): HTMLElement;
  /** Body rows currently in the DOM. */
  domRows(container: HTMLElement): number;
}

export interface ScrollResult {
  /** requestAnimationFrame timestamps of every frame of the scroll. */
  frames: number[];
  /** The most body rows seen in the DOM during the scroll. */
  maxRows: number;
  /** The first visible row's index at the end (to check the contender really scrolled). */
  scrolledTo: number;
}

declare global {
  interface Window {
    listBench: {
      /** ms from navigation start to the first rows laid out, data generation excluded. */
      cold: Promise<number>;
      /** `cold` minus the navigation every contender shares: from the page's script arriving to its first rows. */
      coldAfterScript: Promise<number>;
      /** ms of each re-mount, in order. */
      warm(times: number): Promise<number[]>;
      /** The 100k case: mounts and loads every row. */
      mountAll(): Promise<number>;
      scroll(frames: number, pixelsPerFrame: number): Promise<ScrollResult>;
    };
  }
}

const channel = new MessageChannel();
/** Resolves in a new task, after every pending microtask (Lit updates, promise callbacks) has run. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/**
 * Resolves as soon as `rendered()` holds after a change below `root` (checked in the microtask after each
 * change, as the browser would show it), so the timed window ends where the contender's own work does.
 * Waiting for a whole task instead would let the browser render a frame in between (style, layout, paint)
 * and count it against whichever contender finished in microtasks.
 */
export function whenRendered(root: Node, rendered: () => boolean): Promise<void> {
  if (rendered()) return Promise.resolve();
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!rendered()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/**
 * ms from navigation start to the end of the page's last script download. Measuring from there leaves the
 * contender's own compile, run and render, without the page load (server, parser, fetch) that every
 * contender pays alike and that dominates the noise on a loaded machine.
 */
function scriptArrival(): number {
  const scripts = performance
    .getEntriesByType('resource')
    .filter((entry): entry is PerformanceResourceTiming => (entry as PerformanceResourceTiming).initiatorType === 'script');
  return Math.max(0, ...scripts.map((entry) => entry.responseEnd));
}

/** Forces style and layout, so a render's cost includes what the browser does with its DOM. */
function layout(container: HTMLElement): void {
  void container.ownerDocument.body.offsetHeight;
}

export function runListBench(contender: ListContender): void {
  const params = new URLSearchParams(location.search);
  const count = Number(params.get('rows') ?? 1000);
  const now = Date.parse('2026-12-01T12:00:00Z');
  const generationStart = performance.now();
  const rows = benchRows(count, now);
  const generationMs = performance.now() - generationStart;
  const container = document.getElementById('app')!;

  const mountTimed = async () => {
    await contender.mount(container, rows);
    layout(container);
  };

  const cold = params.get('mode') === 'big' ? Promise.resolve(0) : mountTimed().then(() => performance.now() - generationMs);

  window.listBench = {
    cold,
    coldAfterScript: cold.then((ms) => ms - scriptArrival()),
    async warm(times) {
      await cold;
      const durations: number[] = [];
      for (let i = 0; i < times; i++) {
        contender.unmount(container);
        layout(container);
        await nextTask();
        const start = performance.now();
        await mountTimed();
        durations.push(performance.now() - start);
      }
      return durations;
    },
    async mountAll() {
      await mountTimed();
      await contender.loadAll?.(container, rows);
      layout(container);
      return contender.domRows(container);
    },
    scroll(frames, pixelsPerFrame) {
      const scroller = contender.scroller(container);
      return new Promise((resolve) => {
        const stamps: number[] = [];
        let maxRows = 0;
        const step = (timestamp: number) => {
          performance.mark('bench-frame');
          stamps.push(timestamp);
          if (stamps.length % 10 === 0) maxRows = Math.max(maxRows, contender.domRows(container));
          if (stamps.length > frames) {
            performance.mark('bench-end');
            resolve({ frames: stamps, maxRows, scrolledTo: Math.floor(scroller.scrollTop / 56) });
            return;
          }
          scroller.scrollTop += pixelsPerFrame;
          requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      });
    },
  };
}

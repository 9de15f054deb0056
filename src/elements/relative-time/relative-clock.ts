/**
 * One timer for every relative time on the page: each element asks to be woken at the moment its text
 * can next change, and the clock keeps a single timeout for the earliest of those moments. A list
 * re-rendering its rows then costs a map write per time shown, not a clearTimeout + setTimeout each.
 */
type Wake = () => void;

/** Elements due within this much of the earliest are woken together (their text changes at 1 s steps at best). */
const COALESCE_MS = 250;

const wakeTimes = new Map<Wake, number>();
let timer: ReturnType<typeof setTimeout> | undefined;
let timerAt = Infinity;

function schedule(at: number): void {
  if (timer !== undefined) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(fire, Math.max(0, at - Date.now()));
}

function fire(): void {
  timer = undefined;
  timerAt = Infinity;
  const now = Date.now();
  const due: Wake[] = [];
  let next = Infinity;
  for (const [wake, at] of wakeTimes) {
    if (at <= now + COALESCE_MS) due.push(wake);
    else next = Math.min(next, at);
  }
  for (const wake of due) {
    wakeTimes.delete(wake);
    wake();
  }
  // A woken element has asked again by now (or will in its next update, which reschedules if earlier).
  for (const at of wakeTimes.values()) next = Math.min(next, at);
  if (next !== Infinity) schedule(next);
}

/** Calls `wake` once, at `at` (ms since epoch) or up to a quarter second later; replaces its earlier request. */
export function wakeAt(wake: Wake, at: number): void {
  wakeTimes.set(wake, at);
  if (at < timerAt) schedule(at);
}

/** Forgets `wake`'s request; the timer stops when nobody waits. */
export function cancelWake(wake: Wake): void {
  if (!wakeTimes.delete(wake) || wakeTimes.size > 0 || timer === undefined) return;
  clearTimeout(timer);
  timer = undefined;
  timerAt = Infinity;
}

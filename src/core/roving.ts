/**
 * Roving focus: which item a key moves the focus to, along one line of `count` items. The list's
 * grid (once for its rows, once for its columns), the activity chart's bars and the range selector
 * share it, so the arrows, Home / End and Page Up / Page Down mean the same everywhere.
 */
export interface RovingLine {
  /** How many items the line holds; none: no key moves. */
  count: number;
  /** Which arrows move along it: Left / Right, Up / Down, or both pairs (a radio group). */
  orientation: 'horizontal' | 'vertical' | 'both';
  /** Laid out right to left: Left moves to the next item and Right to the previous one. */
  rtl?: boolean;
  /** Past either end the focus wraps to the other (a radio group); otherwise it stops there. */
  wrap?: boolean;
  /** Whether Home / End go to the first / last item (default yes). */
  homeEnd?: boolean;
  /**
   * Page Up / Page Down: a step in items, or where a page from `from` lands (e.g. the next item
   * with data). Without it these keys do not move.
   */
  page?: number | ((from: number, forward: boolean) => number);
}

/**
 * The index `key` (a `KeyboardEvent.key`) moves the focus to from `current`, within `[0, count)`;
 * undefined when the key does not move along this line (the caller then leaves the event alone).
 */
export function rovingIndex(key: string, current: number, line: RovingLine): number | undefined {
  const { count } = line;
  if (!(count > 0)) return undefined;
  const last = count - 1;
  const from = Math.max(0, Math.min(last, Number.isFinite(current) ? Math.trunc(current) : 0));
  const step = (delta: number): number => {
    const to = from + delta;
    if (line.wrap) return ((to % count) + count) % count;
    return Math.max(0, Math.min(last, to));
  };
  const horizontal = line.orientation !== 'vertical';
  const vertical = line.orientation !== 'horizontal';
  const forward = line.rtl ? -1 : 1;
  switch (key) {
    case 'ArrowRight':
      return horizontal ? step(forward) : undefined;
    case 'ArrowLeft':
      return horizontal ? step(-forward) : undefined;
    case 'ArrowDown':
      return vertical ? step(1) : undefined;
    case 'ArrowUp':
      return vertical ? step(-1) : undefined;
    case 'Home':
      return line.homeEnd === false ? undefined : 0;
    case 'End':
      return line.homeEnd === false ? undefined : last;
    case 'PageDown':
    case 'PageUp': {
      const { page } = line;
      if (page === undefined) return undefined;
      const down = key === 'PageDown';
      if (typeof page === 'number') return Math.max(0, Math.min(last, from + (down ? page : -page)));
      const to = page(from, down);
      return Number.isFinite(to) ? Math.max(0, Math.min(last, Math.trunc(to))) : from;
    }
    default:
      return undefined;
  }
}

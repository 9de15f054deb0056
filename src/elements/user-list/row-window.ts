import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A body row's height in px: the windowing maths here and `--_row-height` in the styles both come from it. */
export const ROW_HEIGHT = 56;
/** The header row's height in px. */
export const HEADER_HEIGHT = 40;
/** Rows kept in the DOM beyond each edge of the viewport, so a fast scroll shows no gap. */
const OVERSCAN = 8;

/**
 * Windowed rendering: follows the scroller's position and height, and says which rows to put in
 * the DOM (only the visible ones and a margin, so 100,000 loaded rows scroll smoothly).
 */
export class RowWindow implements ReactiveController {
  scrollTop = 0;
  viewportHeight = 560;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly scroller: () => HTMLElement | null,
    /** The window moved or resized (infinite scroll checks whether to fetch). */
    private readonly onMove: () => void,
  ) {
    host.addController(this);
  }

  /** The rows `[first, last)` of `count` to render now. */
  slice(count: number): { first: number; last: number } {
    return {
      first: Math.max(0, Math.floor((this.scrollTop - HEADER_HEIGHT) / ROW_HEIGHT) - OVERSCAN),
      last: Math.min(count, Math.ceil((this.scrollTop + this.viewportHeight) / ROW_HEIGHT) + OVERSCAN),
    };
  }

  /** The index just past the last row in view. */
  get lastVisibleRow(): number {
    return Math.ceil((this.scrollTop + this.viewportHeight) / ROW_HEIGHT);
  }

  /** How far Page Up / Page Down move: a viewport of rows, less one for context. */
  get rowsPerPage(): number {
    return Math.max(1, Math.floor((this.viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  }

  readonly onScroll = (event: Event): void => {
    this.scrollTop = (event.currentTarget as HTMLElement).scrollTop;
    this.host.requestUpdate();
    this.onMove();
  };

  toTop(): void {
    const scroller = this.scroller();
    if (scroller) scroller.scrollTop = 0;
    this.scrollTop = 0;
    this.host.requestUpdate();
  }

  /** Scrolls just enough for `row` to be fully in view below the header. */
  reveal(row: number): void {
    const scroller = this.scroller();
    if (!scroller) return;
    const top = HEADER_HEIGHT + row * ROW_HEIGHT;
    const viewTop = scroller.scrollTop + HEADER_HEIGHT;
    const viewBottom = scroller.scrollTop + scroller.clientHeight;
    if (top < viewTop) scroller.scrollTop = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > viewBottom) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
    this.scrollTop = scroller.scrollTop;
    this.host.requestUpdate();
  }

  /** Watches the scroller's height; a re-render that replaced the scroller (another state of the list) moves the watch to the new one. */
  hostUpdated(): void {
    const scroller = this.scroller();
    if (scroller === this.observed) return;
    this.observed = scroller;
    this.resizeObserver.disconnect();
    if (scroller) this.resizeObserver.observe(scroller);
  }
  private observed: HTMLElement | null = null;
  // The entry's size, not clientHeight: another observer may have changed the DOM since the layout.
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const height = Math.round(entries.at(-1)?.contentRect.height ?? 0) || this.viewportHeight;
    // It reports once on observing too: only a new height changes the window.
    if (height === this.viewportHeight) return;
    this.viewportHeight = height;
    this.host.requestUpdate();
    this.onMove();
  });

  hostDisconnected(): void {
    this.resizeObserver.disconnect();
    this.observed = null;
  }
}

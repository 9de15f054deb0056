import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { overflowWidth } from './fit.js';

/**
 * Makes the host's `.scroll` boxes (a table wider than its card) reachable by keyboard while, and only
 * while, they overflow, so arrow keys can scroll them (WCAG 2.1.1; axe's scrollable-region-focusable):
 * such a box gets a tab stop and the group role, named by `labelledBy` (a region would repeat its card's
 * landmark). A box that fits stays out of the tab order. Checked when a box first renders and whenever it
 * resizes (the resize observer reports after a layout, so no update forces one); a table's width depends
 * on its box, not on its rows.
 */
export class ScrollRegionController implements ReactiveController {
  private readonly observed = new Set<HTMLElement>();
  private readonly resizeObserver = new ResizeObserver((entries) => {
    for (const entry of entries) this.mark(entry.target as HTMLElement);
  });

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly labelledBy: string,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const boxes = new Set(this.host.shadowRoot?.querySelectorAll<HTMLElement>('.scroll') ?? []);
    for (const box of this.observed) {
      if (boxes.has(box)) continue;
      this.resizeObserver.unobserve(box);
      this.observed.delete(box);
    }
    for (const box of boxes) {
      if (this.observed.has(box)) continue;
      this.observed.add(box);
      this.resizeObserver.observe(box);
    }
  }

  hostDisconnected(): void {
    this.resizeObserver.disconnect();
    this.observed.clear();
  }

  private mark(box: HTMLElement): void {
    if (overflowWidth(box) > 0) {
      box.tabIndex = 0;
      box.setAttribute('role', 'group');
      box.setAttribute('aria-labelledby', this.labelledBy);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-labelledby');
    }
  }
}

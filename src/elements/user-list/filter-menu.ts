import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { startWithin } from '../shared/fit.js';

export interface FilterMenuView {
  summary: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  /** The new selection, in the options' order. */
  apply: (values: string[]) => void;
}

/**
 * A multi-select filter: a disclosure of checkboxes; Escape closes it and returns focus to its button.
 * A change applies what the boxes show now (several clicks before a render all count), and every
 * render sets each box from the selection (`live`: a box the user ticked is reset if the selection
 * moved on meanwhile).
 */
export function renderFilterMenu(view: FilterMenuView): TemplateResult {
  const chosen = new Set(view.selected);
  const onChange = (event: Event) => {
    const boxes = [...(event.currentTarget as HTMLFieldSetElement).querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    view.apply(view.options.filter((_, i) => boxes[i]?.checked).map((o) => o.value));
  };
  return html`<details class="filter" part="filter" @keydown=${closeMenuOnEscape}>
    <summary class="button" part="button">${view.summary}</summary>
    <fieldset class="filter-menu" @change=${onChange}>
      <legend>${view.legend}</legend>
      ${view.options.map(
        (o) => html`<label>
          <input type="checkbox" .checked=${live(chosen.has(o.value))} />
          <span>${o.label}</span>
        </label>`,
      )}
    </fieldset>
  </details>`;
}

/** Escape closes a toolbar menu (a `<details>`) and returns focus to its button. */
export function closeMenuOnEscape(event: KeyboardEvent): void {
  const details = event.currentTarget as HTMLDetailsElement;
  if (event.key === 'Escape' && details.open) {
    event.preventDefault();
    details.open = false;
    details.querySelector('summary')?.focus();
  }
}

/**
 * Keeps each open toolbar menu inside the list, wherever its button landed as the toolbar wrapped (a menu
 * that opens towards the end from a button near the end, or towards the start from one near the start,
 * would leave the list, and on a phone the page). Placed when a menu opens or resizes, in a resize
 * observer's report: after the layout that shows it and before the paint, so it never shows misplaced.
 */
export class MenuPlacement implements ReactiveController {
  private observed = new WeakSet<Element>();
  private readonly observer = new ResizeObserver((entries) => {
    for (const entry of entries) this.place(entry.target as HTMLElement);
  });

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdated(): void {
    for (const menu of this.host.shadowRoot?.querySelectorAll<HTMLElement>('details.filter > :not(summary)') ?? []) {
      if (this.observed.has(menu)) continue;
      this.observed.add(menu);
      this.observer.observe(menu);
    }
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = new WeakSet();
  }

  private place(menu: HTMLElement): void {
    menu.style.removeProperty('translate');
    const box = menu.getBoundingClientRect();
    if (box.width === 0) return; // closed
    const bounds = this.host.getBoundingClientRect();
    const min = Math.max(bounds.left, 0);
    const max = Math.min(bounds.right, document.documentElement.clientWidth);
    const shift = startWithin(box.left, box.width, min, max) - box.left;
    if (Math.abs(shift) >= 1) menu.style.setProperty('translate', `${Math.round(shift)}px 0`);
  }
}

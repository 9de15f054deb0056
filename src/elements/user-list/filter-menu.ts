import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';

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

import { html, type TemplateResult } from 'lit';

export interface FilterMenuView {
  summary: string;
  legend: string;
  options: readonly { value: string; label: string }[];
  selected: readonly string[];
  /** The new selection, in the options' order. */
  apply: (values: string[]) => void;
}

/** A multi-select filter: a disclosure of checkboxes; Escape closes it and returns focus to its button. */
export function renderFilterMenu(view: FilterMenuView): TemplateResult {
  const chosen = new Set(view.selected);
  const toggle = (value: string, on: boolean) =>
    view.apply(view.options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v))));
  return html`<details class="filter" part="filter" @keydown=${closeMenuOnEscape}>
    <summary class="button" part="button">${view.summary}</summary>
    <fieldset class="filter-menu">
      <legend>${view.legend}</legend>
      ${view.options.map(
        (o) => html`<label>
          <input type="checkbox" .checked=${chosen.has(o.value)} @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
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

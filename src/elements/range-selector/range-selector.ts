import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ACTIVITY_RANGES, isActivityRange, rovingIndex, type ActivityRange } from '../../core/index.js';
import { isRightToLeft } from '../shared/direction.js';
import { DozorElement } from '../shared/dozor-element.js';
import { baseStyles, tokens } from '../shared/styles.js';

/** The range selector's English strings; their type is `RangeSelectorStrings`. */
export const RANGE_SELECTOR_STRINGS = {
  /** Accessible name of the radio group. */
  rangeSelectorLabel: 'Select activity range',
};

/** The range selector's strings (every key of its English table). */
export type RangeSelectorStrings = typeof RANGE_SELECTOR_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends RangeSelectorStrings {}
}

/**
 * A segmented control choosing the activity range (6 hours, 24 hours, 7 days): a radio group
 * with a roving tabindex; the arrow keys (Left / Right swapped under `dir=rtl`), Home and End move and select.
 *
 * @tagname dozor-range-selector
 * @summary Activity range selector.
 * @fires dozor-range-change - {range} when the user picks another range.
 * @csspart group - the radio group.
 * @csspart button - each range option (`button selected` for the current one).
 * @cssprop --dozor-accent - the selected option's background.
 * @cssprop --dozor-border - the control's border.
 */
export class DozorRangeSelector extends DozorElement {
  static override styles = [
    tokens,
    baseStyles,
    css`
      :host {
        display: inline-block;
      }
      .group {
        display: inline-flex;
        padding: 2px;
        gap: 2px;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface-raised);
      }
      .option {
        min-height: 28px;
        padding: 2px 12px;
        border: 0;
        border-radius: var(--_radius-small);
        background: transparent;
        color: var(--_muted);
        cursor: pointer;
      }
      .option:hover:not(:disabled) {
        color: var(--_text);
      }
      .option[aria-checked='true'] {
        background: var(--_accent);
        color: var(--_accent-text);
      }
      .option:disabled {
        cursor: default;
        opacity: 0.6;
      }
    `,
  ];

  /** The selected range: `6h`, `24h` (default) or `7d`. */
  @property({ reflect: true }) range: ActivityRange = '24h';

  /** Disables every option (e.g. while the host cannot change range). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  override render() {
    const s = this.resolveStrings(RANGE_SELECTOR_STRINGS);
    const current = isActivityRange(this.range) ? this.range : '24h';
    return html`<div class="group" part="group" role="radiogroup" aria-label=${s.rangeSelectorLabel} @keydown=${this.onKeyDown}>
      ${ACTIVITY_RANGES.map((range) => {
        const selected = range === current;
        return html`<button
          class="option"
          part=${selected ? 'button selected' : 'button'}
          type="button"
          role="radio"
          aria-checked=${selected ? 'true' : 'false'}
          tabindex=${selected ? 0 : -1}
          data-range=${range}
          ?disabled=${this.disabled}
          @click=${() => this.select(range)}
        >
          ${s.rangeLabels[range]}
        </button>`;
      })}
    </div>`;
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (this.disabled) return;
    const index = ACTIVITY_RANGES.indexOf(isActivityRange(this.range) ? this.range : '24h');
    const next = rovingIndex(event.key, index, {
      count: ACTIVITY_RANGES.length,
      orientation: 'both',
      rtl: isRightToLeft(this),
      wrap: true,
    });
    if (next === undefined) return;
    event.preventDefault();
    const range = ACTIVITY_RANGES[next];
    if (range === undefined) return;
    this.select(range);
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<HTMLButtonElement>(`[data-range="${range}"]`)?.focus();
    });
  }

  private select(range: ActivityRange): void {
    if (range === this.range) return;
    this.range = range;
    this.emit('dozor-range-change', { range });
  }
}

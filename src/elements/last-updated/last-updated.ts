import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { baseStyles, tokens } from '../shared/styles.js';

/**
 * "Updated 2 minutes ago" (ticking) with a "Refresh now" button; shows "Refreshing…" while a
 * refresh runs. The host decides what a refresh means: the button fires `dozor-refresh-request`.
 *
 * @tagname dozor-last-updated
 * @summary Last-updated indicator with refresh-now.
 * @fires dozor-refresh-request - when the user asks for a refresh now.
 * @csspart status - the "Updated …" text.
 * @csspart button - the refresh button.
 */
export class DozorLastUpdated extends DozorElement {
  static override styles = [
    tokens,
    baseStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: var(--_space);
        color: var(--_muted);
        font-size: 0.9em;
      }
      .spinner {
        display: inline-block;
        width: 10px;
        height: 10px;
        margin-inline-end: 4px;
        border: 2px solid currentColor;
        border-right-color: transparent;
        border-radius: 50%;
        animation: spin 0.8s linear infinite;
      }
      @keyframes spin {
        to { transform: rotate(360deg); }
      }
      @media (prefers-reduced-motion: reduce) {
        .spinner { animation: none; border-right-color: currentColor; opacity: 0.6; }
      }
    `,
  ];

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
  }

  /** When the data arrived, ms since epoch; 0 means not yet. */
  @property({ type: Number, attribute: 'updated-at' }) updatedAt = 0;

  /** True while a refresh is running. */
  @property({ type: Boolean, reflect: true }) refreshing = false;

  override render() {
    const s = this.resolveStrings({});
    return html`<span part="status" role="status" aria-live="polite">
        ${
          this.refreshing
            ? html`<span class="spinner" aria-hidden="true"></span>${s.refreshing}`
            : this.updatedAt > 0
              ? // The localized sentence wraps a live <dozor-relative-time>: split it around a placeholder.
                s
                  .updatedAgo('\u0000')
                  .split('\u0000')
                  .flatMap((text, i) =>
                    i === 0 ? [text] : [html`<dozor-relative-time .datetime=${this.updatedAt}></dozor-relative-time>`, text],
                  )
              : s.notUpdatedYet
        }
      </span>
      <button class="button small" part="button" type="button" ?disabled=${this.refreshing} @click=${this.onRefresh}>${s.refreshNow}</button>`;
  }

  private onRefresh(): void {
    this.emit('dozor-refresh-request', {});
  }
}

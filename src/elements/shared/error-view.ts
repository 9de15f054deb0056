import { html, nothing, type TemplateResult } from 'lit';
import type { DozorBackendError } from '../../backend/index.js';
import type { LocaleNumbers } from '../../core/index.js';
import type { CommonStrings } from './strings.js';

/** The shared error state: a typed title, the backend's message as text, and a retry button. */
export function renderErrorState(
  error: DozorBackendError,
  strings: CommonStrings,
  numbers: LocaleNumbers,
  onRetry: () => void,
): TemplateResult {
  const title = strings.errorTitles[error.kind] ?? strings.errorTitles.unknown;
  return html`<div class="error-state" part="error" role="alert">
    <strong>${title}</strong>
    <span>${error.message}</span>
    ${error.retryAfterMs !== undefined ? html`<span>${strings.retryAfter(Math.ceil(error.retryAfterMs / 1000), numbers)}</span>` : nothing}
    <button class="button" part="button retry-button" type="button" @click=${onRetry}>${strings.retry}</button>
  </div>`;
}

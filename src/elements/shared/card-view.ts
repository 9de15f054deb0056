import { html, nothing, type TemplateResult } from 'lit';
import type { DozorBackendError } from '../../backend/index.js';
import type { LocaleNumbers } from '../../core/index.js';
import { renderErrorState } from './error-view.js';
import type { CommonStrings } from './strings.js';

/** A block's card (`cardStyles`): its heading (the card's accessible name), what stands beside it, then the body. */
export function renderCard(title: string, body: unknown, meta: unknown = nothing, busy = false): TemplateResult {
  return html`<section class="card" part="card" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
    <div class="head"><h2 id="title">${title}</h2>${meta}</div>
    ${body}
  </section>`;
}

/** How a block looks while it loads. */
export interface LoadingLook {
  title: string;
  /** What screen readers hear while it loads. */
  loading: string;
  /** The skeleton's shape: a class of `.skeleton` (e.g. `plot-skeleton`), or that many `.skeleton.line`s. */
  skeleton: string | number;
  /** A skeleton beside the heading too, where the loaded card has a meta line. */
  metaSkeleton?: boolean;
}

/** The request behind it (a `StandaloneFetch`): its failure, if it failed, and how to try again. */
export interface LoadingRequest {
  readonly error: DozorBackendError | undefined;
  reload(): void;
}

/** A block's card before its data: the error state with its retry, else a skeleton and a status line. */
export function renderLoadingCard(
  look: LoadingLook,
  request: LoadingRequest,
  strings: CommonStrings,
  numbers: LocaleNumbers,
): TemplateResult {
  if (request.error)
    return renderCard(
      look.title,
      renderErrorState(request.error, strings, numbers, () => request.reload()),
    );
  const skeleton =
    typeof look.skeleton === 'number'
      ? html`<div aria-hidden="true">${Array.from({ length: look.skeleton }, () => html`<span class="skeleton line"></span>`)}</div>`
      : html`<span class="skeleton ${look.skeleton}" aria-hidden="true"></span>`;
  return renderCard(
    look.title,
    html`${skeleton}
      <span class="visually-hidden" role="status">${look.loading}</span>`,
    look.metaSkeleton ? html`<span class="skeleton meta-skeleton" aria-hidden="true"></span>` : nothing,
    true,
  );
}

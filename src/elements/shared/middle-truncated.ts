import { html, type TemplateResult } from 'lit';

/** Characters kept whole at the end of a cut id: where generated and sequential ids differ. */
const KEPT_END = 6;

/**
 * An id cut in the middle where its box is narrow ("00000000-00…c3d4e5"): the start shrinks behind an
 * ellipsis, the last characters stay, so ids that share a prefix stay apart. The whole id is still
 * the text and the tooltip. Styled by `cardStyles`.
 */
export function middleTruncated(id: string): TemplateResult {
  if (id.length <= KEPT_END * 2) return html`<span class="middle-truncated" title=${id}><span class="start">${id}</span></span>`;
  return html`<span class="middle-truncated" title=${id}><span class="start">${id.slice(0, -KEPT_END)}</span><span class="end">${id.slice(-KEPT_END)}</span></span>`;
}

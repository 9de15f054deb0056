import { html, nothing, type TemplateResult } from 'lit';
import type { UserStatus } from '../../core/index.js';
import type { CommonStrings } from '../shared/strings.js';

/**
 * The badge's markup, shared by `<dozor-status-badge>` and the list's rows, which render it in their
 * own shadow root (a custom element per row cost more than the row itself); `statusBadgeStyles` styles it.
 */
export function renderStatusBadge(status: UserStatus, s: Pick<CommonStrings, 'statusLabels' | 'statusDescriptions'>): TemplateResult {
  const description = s.statusDescriptions[status];
  return html`<span class="badge ${status}" part="badge" title=${description}>
    <span class="dot" part="dot" aria-hidden="true"></span>
    <span part="label">${s.statusLabels[status]}</span>
    ${description ? html`<span class="visually-hidden">: ${description}</span>` : nothing}
  </span>`;
}

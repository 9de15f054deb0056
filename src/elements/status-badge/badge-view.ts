import type { UserStatus } from '../../core/index.js';
import type { CommonStrings } from '../shared/strings.js';
import { element, visuallyHidden } from '../shared/dom.js';

/**
 * The badge, shared by `<dozor-status-badge>` and the list's rows, which show it in their own shadow root
 * (a custom element per row cost more than the row itself); `statusBadgeStyles` styles it.
 */
export function statusBadgeElement(status: UserStatus, s: Pick<CommonStrings, 'statusLabels' | 'statusDescriptions'>): HTMLSpanElement {
  const description = s.statusDescriptions[status];
  const badge = element(
    'span',
    { class: `badge ${status}`, part: 'badge', title: description },
    element('span', { class: 'dot', part: 'dot', 'aria-hidden': 'true' }),
    element('span', { part: 'label' }, s.statusLabels[status]),
  );
  if (description) badge.append(visuallyHidden(`: ${description}`));
  return badge;
}

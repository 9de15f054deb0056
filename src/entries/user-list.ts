// `dozor-elements/user-list`: registers <dozor-user-list> and the tags its rows render (status badge,
// relative time, user tags), nothing else.
import '../elements/user-list/define.js';
export * from '../elements/user-list/user-list.js';
export * from '../elements/status-badge/status-badge.js';
export * from '../elements/relative-time/relative-time.js';
export * from '../elements/user-tags/user-tags.js';
export type { DozorStrings } from '../elements/shared/strings.js';
export type * from '../elements/shared/events.js';

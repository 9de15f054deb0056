// `dozor-elements/user-list`: registers <dozor-user-list> and the tag its rows render (user tags), nothing
// else; the rows draw their status badges and relative times as markup of their own.
import '../elements/user-list/define.js';
export * from '../elements/user-list/user-list.js';
export * from '../elements/user-tags/user-tags.js';
export type { DozorStrings } from '../elements/shared/strings.js';
export type * from '../elements/shared/events.js';

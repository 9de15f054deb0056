// `dozor-elements/user-list`: registers <dozor-user-list>, nothing else (its rows draw their status badges,
// tags and relative times as markup of their own).
import '../elements/user-list/define.js';
export * from '../elements/user-list/user-list.js';
export type { DozorStrings } from '../elements/shared/strings.js';
export type * from '../elements/shared/events.js';

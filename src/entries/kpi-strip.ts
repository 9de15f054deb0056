// `dozor-elements/kpi-strip`: registers <dozor-kpi-strip> and the tags it renders (last updated, relative
// time), nothing else.
import '../elements/kpi-strip/define.js';
export * from '../elements/kpi-strip/kpi-strip.js';
export * from '../elements/last-updated/last-updated.js';
export * from '../elements/relative-time/relative-time.js';
export type { DozorStrings } from '../elements/shared/strings.js';
export type * from '../elements/shared/events.js';

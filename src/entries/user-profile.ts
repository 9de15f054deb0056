// `dozor-elements/user-profile`: registers <dozor-user-profile> and the blocks it renders (range selector,
// traits inspector, display-name editor, activity chart, page distribution, sessions timeline and table,
// session journey, last updated, relative time, user tags), nothing else. The only entry besides the root that bundles uPlot.
import '../elements/user-profile/define.js';
export * from '../elements/user-profile/user-profile.js';
export * from '../elements/range-selector/range-selector.js';
export * from '../elements/traits-inspector/traits-inspector.js';
export * from '../elements/display-name-editor/display-name-editor.js';
export * from '../elements/activity-chart/activity-chart.js';
export * from '../elements/page-distribution/page-distribution.js';
export * from '../elements/sessions-timeline/sessions-timeline.js';
export * from '../elements/sessions-table/sessions-table.js';
export * from '../elements/session-journey/session-journey.js';
export * from '../elements/last-updated/last-updated.js';
export * from '../elements/relative-time/relative-time.js';
export * from '../elements/user-tags/user-tags.js';
export type { DozorStrings } from '../elements/shared/strings.js';
export type * from '../elements/shared/events.js';

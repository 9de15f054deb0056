// Package root: the core, the backend contract and adapters, and every element (registered here).
export * from './core/index.js';
export * from './backend/index.js';
// The provider first: consumers that upgrade after it find their configuration at once.
import './elements/provider/define.js';
import './elements/status-badge/define.js';
import './elements/relative-time/define.js';
import './elements/user-tags/define.js';
import './elements/last-updated/define.js';
import './elements/kpi-strip/define.js';
import './elements/user-list/define.js';
import './elements/range-selector/define.js';
import './elements/traits-inspector/define.js';
import './elements/display-name-editor/define.js';
import './elements/user-profile/define.js';
export * from './elements/provider/provider.js';
export * from './elements/status-badge/status-badge.js';
export * from './elements/relative-time/relative-time.js';
export * from './elements/user-tags/user-tags.js';
export * from './elements/last-updated/last-updated.js';
export * from './elements/kpi-strip/kpi-strip.js';
export * from './elements/user-list/user-list.js';
export * from './elements/range-selector/range-selector.js';
export * from './elements/traits-inspector/traits-inspector.js';
export * from './elements/display-name-editor/display-name-editor.js';
export * from './elements/user-profile/user-profile.js';
export type * from './elements/shared/events.js';
export type { DozorConfig, ThemeSetting } from './elements/shared/context.js';
export type { DozorStrings } from './elements/shared/strings.js';

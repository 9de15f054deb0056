// Package root: the core, the backend contract and adapters, and (as they land) the elements.
export * from './core/index.js';
export * from './backend/index.js';
import './elements/range-selector/define.js';
import './elements/traits-inspector/define.js';
import './elements/display-name-editor/define.js';
import './elements/user-profile/define.js';
export * from './elements/range-selector/range-selector.js';
export * from './elements/traits-inspector/traits-inspector.js';
export * from './elements/display-name-editor/display-name-editor.js';
export * from './elements/user-profile/user-profile.js';

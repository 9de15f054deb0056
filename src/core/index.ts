// The pure domain core: no DOM, no Lit; importable in Node as `dozor-elements/core`.
export * from './time.js';
export * from './status.js';
export * from './display-name.js';
export * from './sessions.js';
export * from './tags.js';
export * from './bounds.js';
export * from './ranges.js';
export * from './activity.js';
export * from './lanes.js';
export * from './format.js';
export * from './plural.js';
export * from './random.js';
export * from './csv.js';
export * from './avatar.js';
export * from './journey.js';
export * from './user-agent.js';

export * from './types.js';
export * from './errors.js';
export * from './memory/index.js';
export * from './http/index.js';
export * from './ductape/index.js';

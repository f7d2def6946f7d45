export * from './api.js';
export * from './evaluation-types.js';
export * from './plan.js';
export * from './roles.js';

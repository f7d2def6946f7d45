export * from './signals/index.js';
export * from './sites/index.js';
export * from './detection/index.js';
export * from './alerts/index.js';
export * from './cases/index.js';

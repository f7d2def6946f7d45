export * from './generate.js';
export * from './produce.js';
export * from './rows.js';
export * from './cells.js';
export * from './county.js';

export * from './county-figures.js';
export * from './generate.js';

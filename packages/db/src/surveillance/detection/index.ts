export * from './run-detection.js';
export * from './detection-queries.js';

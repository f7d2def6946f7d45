export * from './run-detection.js';
export { addDays } from './load-daily-counts.js';
export * from './detection-queries.js';

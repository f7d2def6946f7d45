export * from './ingest.js';
export * from './series.js';
export * from './submit.js';

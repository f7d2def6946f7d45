export * from './connection.js';
export * as schema from './schema.js';
export * from './testing.js';

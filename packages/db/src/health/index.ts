export * from './id-cipher.js';
export * from './id-key.js';
export * from './resident-scope.js';
export * from './residents/index.js';
export * from './family-doctors/index.js';
export * from './programs/index.js';
export * from './fhir/scoped-records.js';

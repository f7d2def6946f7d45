export * from './age-groups.js';
export * from './icd10.js';
export * from './life-table.js';
export * from './premature-mortality.js';
export * from './rates.js';
export * from './standard-populations.js';

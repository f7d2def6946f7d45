export * from './case-errors.js';
export * from './change-case.js';
export * from './case-timeliness.js';
export * from './create-case.js';
export * from './disease-catalogue.js';
export * from './list-cases.js';
export { findCaseRow } from './case-views.js';
export type { CaseReportRow } from './case-views.js';

export { buildApp } from './app.js';
export type { AppOptions } from './app.js';
export { buildReportInput, ReportInputError } from './reports/report-input.js';
export { PlanCache } from './evaluation/plan-cache.js';
export { hashPassword, verifyPassword } from './auth/passwords.js';
export type { HashCost } from './auth/passwords.js';
export { formatAccounts, initializeOnFirstRun } from './first-run.js';
export type { FirstRunResult, InitialAccount } from './first-run.js';

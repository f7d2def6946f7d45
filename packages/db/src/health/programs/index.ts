export * from './enrolments.js';
export * from './follow-ups.js';
export * from './vaccinations.js';
export * from './resident-due.js';
export { MATERNAL_CHILD_PROGRAMS } from './due-candidates.js';
export type { DueProgram } from './due-candidates.js';
export * from './worklist.js';
export * from './program-summary.js';
export type { ProgramResident } from './program-resident.js';

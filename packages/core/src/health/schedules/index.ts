export * from './types.js';
export * from './program-schedules.js';
// The ages the service indicators count with (packages/db registers/compute).
export { INFANT_CHECK_MONTHS } from './child.js';
// And the ages and periods the synthetic county's visits follow (packages/db seed/health).
export { CHILD_PROGRAM_END_YEARS, NEONATAL_DAYS, PRESCHOOL_CHECK_YEARS } from './child.js';
export { ELDERLY_AGE } from './elderly.js';
export { TUBERCULOSIS_INTENSIVE_MONTHS, TUBERCULOSIS_TREATMENT_MONTHS } from './tuberculosis.js';
export { ANTENATAL_WINDOWS, PREGNANCY_DAYS } from './maternal.js';

export type { ComputedIndicator } from './computed-indicator.js';
export * from './compute-indicators.js';
export {
  CDC_STAFF_PER_10000_NORM,
  HEALTH_EDUCATION_STAFF_PER_100000_NORM,
  INFECTIOUS_BEDS_NORM,
  PRIMARY_PUBLIC_HEALTH_STAFF_SHARE_NORM,
  PSYCHIATRISTS_PER_100000_NORM,
} from './resource-indicators.js';
export * from './indicator-fixture.js';

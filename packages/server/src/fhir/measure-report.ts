/** An approved monitoring value as a FHIR R4 MeasureReport (summary, one group with the score). */
import type { MonitoringValue } from '@chp/core';
import { divisionReference } from './systems.js';
import type { FhirResource } from './systems.js';

export function toMeasureReport(value: MonitoringValue, unit: string | null): FhirResource {
  const org = divisionReference(value.orgUnitCode, value.orgUnitName);
  return {
    resourceType: 'MeasureReport',
    id: String(value.id),
    meta: { versionId: String(value.version) },
    status: 'complete',
    type: 'summary',
    measure: `Measure/${value.indicatorId}`,
    subject: org,
    reporter: org,
    date: value.approvedAt ?? value.enteredAt,
    period: { start: `${value.year}-01-01`, end: `${value.year}-12-31` },
    group: [{ measureScore: unit ? { value: value.value, unit } : { value: value.value } }],
  };
}

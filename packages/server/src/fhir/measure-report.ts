/**
 * An approved monitoring value as a FHIR R4 MeasureReport (summary): one group with the entered score and,
 * when the registers compute the indicator for the same org unit and year, a second group with the
 * computed score and its numerator and denominator counts.
 */
import type { RegisterValue, MonitoringValue } from '@chp/core';
import { VALUE_SOURCE_SYSTEM, divisionReference } from './systems.js';
import type { FhirResource } from './systems.js';

const MEASURE_POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';

function score(value: number, unit: string | null): Record<string, unknown> {
  return unit ? { value, unit } : { value };
}

/** FHIR population counts are integers: a numerator or denominator that is not one is left out. */
function population(code: 'numerator' | 'denominator', count: number | null): Record<string, unknown>[] {
  return count !== null && Number.isInteger(count)
    ? [{ code: { coding: [{ system: MEASURE_POPULATION, code }] }, count }]
    : [];
}

function computedGroup(computed: RegisterValue & { value: number }): Record<string, unknown> {
  return {
    code: {
      coding: [{ system: VALUE_SOURCE_SYSTEM, code: 'computed', display: '由登记数据计算' }],
      text: `由登记数据计算（${computed.computedAt}）`,
    },
    population: [...population('numerator', computed.numerator), ...population('denominator', computed.denominator)],
    measureScore: score(computed.value, computed.unit),
  };
}

export function toMeasureReport(value: MonitoringValue, unit: string | null, computed?: RegisterValue): FhirResource {
  const org = divisionReference(value.orgUnitCode, value.orgUnitName);
  const entered = { measureScore: score(value.value, unit) };
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
    group:
      computed?.value === null || computed === undefined
        ? [entered]
        : [entered, computedGroup({ ...computed, value: computed.value })],
  };
}

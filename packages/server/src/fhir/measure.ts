/** A plan indicator as a FHIR R4 Measure. */
import { indicatorDirection } from '@chp/core';
import type { IndicatorRecord } from '@chp/db';
import { DIVISION_SYSTEM, EXTENSION_BASE, INDICATOR_SYSTEM } from './systems.js';
import type { FhirResource } from './systems.js';

export function toMeasure(
  indicator: IndicatorRecord,
  countyName: string,
  standardDirection: 'up' | 'down' | undefined
): FhirResource {
  const direction = indicatorDirection(indicator, standardDirection);
  const baseline =
    indicator.baseline === null
      ? '无基线'
      : `基线 ${indicator.baselineText ?? indicator.baseline}（${indicator.baselineYear ?? ''}年）`;
  const measure: FhirResource = {
    resourceType: 'Measure',
    id: indicator.id,
    url: `${INDICATOR_SYSTEM}:${indicator.id}`,
    identifier: [{ system: INDICATOR_SYSTEM, value: indicator.id }],
    name: `CHP_${indicator.id.replace(/[^A-Za-z0-9]/g, '_')}`,
    title: indicator.name,
    status: 'active',
    description: `${countyName}“十四五”规划指标：${indicator.name}${indicator.unit ? `（${indicator.unit}）` : ''}。原文：${indicator.quote}`,
    jurisdiction: [{ coding: [{ system: DIVISION_SYSTEM, code: indicator.countyCode, display: countyName }] }],
    subjectCodeableConcept: { coding: [{ system: DIVISION_SYSTEM, code: indicator.countyCode, display: countyName }] },
    scoring: {
      coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-scoring', code: 'continuous-variable' }],
    },
    guidance: `目标：${indicator.target}（${indicator.targetYear}年）；${baseline}${indicator.attribute ? `；属性：${indicator.attribute}` : ''}`,
    extension: [
      { url: `${EXTENSION_BASE}/indicator-target`, valueString: indicator.target },
      ...(indicator.targetValue === null
        ? []
        : [{ url: `${EXTENSION_BASE}/indicator-target-value`, valueDecimal: indicator.targetValue }]),
      ...(indicator.unit ? [{ url: `${EXTENSION_BASE}/indicator-unit`, valueString: indicator.unit }] : []),
      ...(indicator.attribute
        ? [{ url: `${EXTENSION_BASE}/indicator-attribute`, valueString: indicator.attribute }]
        : []),
    ],
  };
  if (direction) {
    measure['improvementNotation'] = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation',
          code: direction === 'up' ? 'increase' : 'decrease',
        },
      ],
    };
  }
  if (indicator.definitionType === 'computed') {
    // Computed indicators are a ratio of platform counts: the group names both populations.
    measure['group'] = [
      {
        population: ['numerator', 'denominator'].map((code) => ({
          code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-population', code }] },
          criteria: { language: 'text/plain', expression: `${indicator.id}:${code}` },
        })),
      },
    ];
  }
  return measure;
}

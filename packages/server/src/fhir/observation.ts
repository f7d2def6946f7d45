/** A laboratory, imaging, examination or vital-sign result as a FHIR Observation. */
import type { HealthRecordRow } from '@chp/db';
import type { FhirResource } from './systems.js';
import { LOINC_SYSTEM, OBSERVATION_CODE_SYSTEM, patientReference } from './systems.js';

const LOINC_CODE = /^\d{1,7}-\d$/;

export function toObservation(row: HealthRecordRow<'observation'>): FhirResource {
  const value =
    row.valueNumber === null
      ? row.valueText === null
        ? {}
        : { valueString: row.valueText }
      : { valueQuantity: { value: row.valueNumber, ...(row.unit === null ? {} : { unit: row.unit }) } };
  return {
    resourceType: 'Observation',
    id: String(row.id),
    status: 'final',
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: row.category }],
      },
    ],
    code: {
      coding: [
        {
          system: LOINC_CODE.test(row.code) ? LOINC_SYSTEM : OBSERVATION_CODE_SYSTEM,
          code: row.code,
          display: row.name,
        },
      ],
      text: row.name,
    },
    subject: patientReference(row.residentId),
    ...(row.encounterId === null ? {} : { encounter: { reference: `Encounter/${row.encounterId}` } }),
    effectiveDateTime: row.observedDate,
    ...value,
    ...(row.abnormal === null
      ? {}
      : {
          interpretation: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation', code: row.abnormal },
              ],
            },
          ],
        }),
    ...(row.referenceRange === null ? {} : { referenceRange: [{ text: row.referenceRange }] }),
  };
}

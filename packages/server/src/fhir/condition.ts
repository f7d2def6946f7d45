/** A diagnosis as a FHIR Condition coded in ICD-10. */
import type { HealthRecordRow } from '@chp/db';
import type { FhirResource } from './systems.js';
import { ICD10_SYSTEM, patientReference } from './systems.js';

export function toCondition(row: HealthRecordRow<'diagnosis'>): FhirResource {
  return {
    resourceType: 'Condition',
    id: String(row.id),
    category: [
      {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'encounter-diagnosis' }],
      },
    ],
    code: { coding: [{ system: ICD10_SYSTEM, code: row.icd10, display: row.name }], text: row.name },
    subject: patientReference(row.residentId),
    ...(row.encounterId === null ? {} : { encounter: { reference: `Encounter/${row.encounterId}` } }),
    recordedDate: row.diagnosedDate,
    ...(row.primary
      ? { extension: [{ url: 'urn:chp:fhir:StructureDefinition/primary-diagnosis', valueBoolean: true }] }
      : {}),
  };
}

/** An encounter as a FHIR Encounter, its kind as a v3 ActCode class. */
import type { HealthRecordRow } from '@chp/db';
import type { FhirResource } from './systems.js';
import { patientReference } from './systems.js';

const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

/** Public-health services are ambulatory contacts; unknown kinds too. */
function encounterClass(kind: string): string {
  return kind === 'inpatient' ? 'IMP' : kind === 'emergency' ? 'EMER' : kind === 'home' ? 'HH' : 'AMB';
}

export function toEncounter(row: HealthRecordRow<'encounter'>): FhirResource {
  const open = row.kind === 'inpatient' && row.endDate === null;
  return {
    resourceType: 'Encounter',
    id: String(row.id),
    status: open ? 'in-progress' : 'finished',
    class: { system: ACT_CODE_SYSTEM, code: encounterClass(row.kind) },
    type: [{ coding: [{ system: 'urn:chp:encounter-kind', code: row.kind }] }],
    subject: patientReference(row.residentId),
    period: { start: row.startDate, ...(row.endDate === null ? {} : { end: row.endDate }) },
    ...(row.clinician === null ? {} : { participant: [{ individual: { display: row.clinician } }] }),
    ...(row.department === null ? {} : { serviceType: { text: row.department } }),
  };
}

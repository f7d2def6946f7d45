/** A programme enrolment as a FHIR EpisodeOfCare: the programme is its type, open while not ended. */
import { isProgramCode, PROGRAMS } from '@chp/core';
import type { HealthRecordRow } from '@chp/db';
import type { FhirResource } from './systems.js';
import { patientReference, PROGRAM_SYSTEM } from './systems.js';

export function toEpisodeOfCare(row: HealthRecordRow<'programEnrolment'>): FhirResource {
  const display = isProgramCode(row.program) ? PROGRAMS[row.program].label : row.program;
  return {
    resourceType: 'EpisodeOfCare',
    id: String(row.id),
    status: row.endedDate === null ? 'active' : 'finished',
    type: [{ coding: [{ system: PROGRAM_SYSTEM, code: row.program, display }], text: display }],
    patient: patientReference(row.residentId),
    period: { start: row.enrolledDate, ...(row.endedDate === null ? {} : { end: row.endedDate }) },
  };
}

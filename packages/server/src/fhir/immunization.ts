/** A vaccine dose as a FHIR Immunization, the vaccine coded by the immunisation schedule. */
import { isVaccineCode, VACCINES } from '@chp/core';
import type { HealthRecordRow } from '@chp/db';
import type { FhirResource } from './systems.js';
import { patientReference, VACCINE_SYSTEM } from './systems.js';

export function toImmunization(row: HealthRecordRow<'vaccination'>): FhirResource {
  const display = isVaccineCode(row.vaccine) ? VACCINES[row.vaccine].label : row.vaccine;
  return {
    resourceType: 'Immunization',
    id: String(row.id),
    status: 'completed',
    vaccineCode: { coding: [{ system: VACCINE_SYSTEM, code: row.vaccine, display }], text: display },
    patient: patientReference(row.residentId),
    occurrenceDateTime: row.vaccinatedDate,
    ...(row.lotNumber === null ? {} : { lotNumber: row.lotNumber }),
    protocolApplied: [{ doseNumberPositiveInt: row.dose }],
  };
}

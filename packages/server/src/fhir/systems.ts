/** Identifier and code systems used in the platform's FHIR resources, and what every FHIR route uses. */
import type { FastifyReply, FastifyRequest } from 'fastify';

export const INDICATOR_SYSTEM = 'urn:chp:indicator';
/** GB/T 2260 administrative division codes (and the statistical township/village codes below them). */
export const DIVISION_SYSTEM = 'urn:chp:division';
/** Where a MeasureReport group's score comes from: `computed` from the registers. */
export const VALUE_SOURCE_SYSTEM = 'urn:chp:value-source';
export const EXTENSION_BASE = 'urn:chp:fhir:StructureDefinition';
/** 居民身份证: the OID of the Chinese citizen ID number. Values are masked (640221********1234). */
export const CN_RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.3';
/** Other ID documents (core health/id-types), one system per type: urn:chp:id-type:<type>. */
export const ID_TYPE_SYSTEM_BASE = 'urn:chp:id-type';
/** Vaccine codes of the immunisation schedule (core health/immunisation-schedule). */
export const VACCINE_SYSTEM = 'urn:chp:vaccine';
/** Public-health programme codes (core health/programs). */
export const PROGRAM_SYSTEM = 'urn:chp:program';
/** Local observation codes, where no LOINC code is known. */
export const OBSERVATION_CODE_SYSTEM = 'urn:chp:observation-code';
export const LOINC_SYSTEM = 'http://loinc.org';
export const ICD10_SYSTEM = 'http://hl7.org/fhir/sid/icd-10';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export interface FhirResource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}

export function divisionReference(code: string, name: string): Record<string, unknown> {
  return { identifier: { system: DIVISION_SYSTEM, value: code }, display: name };
}

/** `system|value` or a bare value; null when the system is another one. */
export function tokenValue(token: string, system: string): string | null {
  const bar = token.indexOf('|');
  if (bar < 0) return token;
  return token.slice(0, bar) === system || bar === 0 ? token.slice(bar + 1) : null;
}

export function send(reply: FastifyReply, resource: FhirResource): FastifyReply {
  return reply.type(FHIR_JSON).send(resource);
}

export function selfUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}${request.url}`;
}

export function patientReference(residentId: number): { reference: string } {
  return { reference: `Patient/${residentId}` };
}

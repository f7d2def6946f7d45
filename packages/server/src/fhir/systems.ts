/** Identifier and code systems used in the platform's FHIR resources. */
export const INDICATOR_SYSTEM = 'urn:chp:indicator';
/** GB/T 2260 administrative division codes (and the statistical township/village codes below them). */
export const DIVISION_SYSTEM = 'urn:chp:division';
/** Where a MeasureReport group's score comes from: `computed` from the registers. */
export const VALUE_SOURCE_SYSTEM = 'urn:chp:value-source';
export const EXTENSION_BASE = 'urn:chp:fhir:StructureDefinition';
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

export interface FhirResource {
  resourceType: string;
  id?: string;
  [key: string]: unknown;
}

export function divisionReference(code: string, name: string): Record<string, unknown> {
  return { identifier: { system: DIVISION_SYSTEM, value: code }, display: name };
}

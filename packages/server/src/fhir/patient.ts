/** A resident as a FHIR Patient: the ID number masked, never in clear; the area as codes and names. */
import type { ResidentRow } from '@chp/db';
import type { FhirResource } from './systems.js';
import { CN_RESIDENT_ID_SYSTEM, DIVISION_SYSTEM, EXTENSION_BASE, ID_TYPE_SYSTEM_BASE } from './systems.js';

/** GB/T 2261.1 sex to FHIR administrative gender. */
export function gender(sex: string): 'male' | 'female' | 'unknown' {
  return sex === '1' ? 'male' : sex === '2' ? 'female' : 'unknown';
}

export function identifierSystem(idType: string): string {
  return idType === 'resident_id' ? CN_RESIDENT_ID_SYSTEM : `${ID_TYPE_SYSTEM_BASE}:${idType}`;
}

function divisionExtension(name: string, code: string): Record<string, unknown> {
  return { url: `${EXTENSION_BASE}/${name}`, valueCoding: { system: DIVISION_SYSTEM, code } };
}

export function toPatient(row: ResidentRow, names: ReadonlyMap<string, string>): FhirResource {
  const areaCodes = [row.townshipCode, row.villageCode].filter((code): code is string => code !== null);
  const areaNames = areaCodes.map((code) => names.get(code) ?? code);
  return {
    resourceType: 'Patient',
    id: String(row.id),
    meta: { tag: [{ system: DIVISION_SYSTEM, code: row.countyCode }] },
    extension: [
      divisionExtension('county', row.countyCode),
      divisionExtension('township', row.townshipCode),
      ...(row.villageCode === null ? [] : [divisionExtension('village', row.villageCode)]),
    ],
    identifier:
      row.idNumberMasked === null ? [] : [{ system: identifierSystem(row.idType), value: row.idNumberMasked }],
    active: row.mergedIntoId === null,
    name: [{ text: row.name }],
    gender: gender(row.sex),
    birthDate: row.birthDate,
    ...(row.phone === null ? {} : { telecom: [{ system: 'phone', value: row.phone }] }),
    address: [
      {
        text: areaNames.join(''),
        district: names.get(row.townshipCode) ?? row.townshipCode,
        ...(row.villageCode === null ? {} : { line: [names.get(row.villageCode) ?? row.villageCode] }),
        extension: areaCodes.map((code) => ({ url: `${EXTENSION_BASE}/division`, valueCode: code })),
      },
    ],
    ...(row.deathDate === null ? {} : { deceasedDateTime: row.deathDate }),
    ...(row.mergedIntoId === null
      ? {}
      : { link: [{ other: { reference: `Patient/${row.mergedIntoId}` }, type: 'replaced-by' }] }),
  };
}

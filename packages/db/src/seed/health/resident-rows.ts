/**
 * The master-index row of a person: the 身份证号 issued for the birth date and sex, stored as the platform
 * stores it (encrypted, keyed hash, masked), a name, a phone, the household and relation, and the health
 * record's dates and status.
 */
import type { IdCipher } from '../../health/id-cipher.js';
import { storedIdNumber } from '../../health/residents/resident-id.js';
import { dateOf } from './days.js';
import type { IdNumberIssuer } from './id-numbers.js';
import type { HealthRow } from './rows.js';
import type { Generation, Subject } from './subject.js';

export interface Identity {
  name: string;
  phone: string | null;
  householdId: number;
  relation: string;
}

export function residentRow(
  generation: Generation,
  subject: Subject,
  identity: Identity,
  issuer: IdNumberIssuer,
  idCipher: IdCipher
): HealthRow<'resident'> {
  const { person } = subject;
  const idNumber = issuer.issue(dateOf(person.birthDay), person.sex);
  const statusDate = person.statusDay === null ? null : dateOf(person.statusDay);
  return {
    id: subject.residentId,
    countyCode: generation.countyCode,
    idType: 'resident_id',
    ...storedIdNumber(idCipher, { idType: 'resident_id', number: idNumber, resident: null }),
    name: identity.name,
    sex: person.sex,
    birthDate: dateOf(person.birthDay),
    phone: identity.phone,
    townshipCode: subject.townshipCode,
    villageCode: person.villageCode,
    householdId: identity.householdId,
    householdRelation: identity.relation,
    recordDate: subject.recordDay === null ? null : dateOf(subject.recordDay),
    recordStatus: person.status,
    statusDate,
    deathDate: person.status === 'deceased' ? statusDate : null,
    recordFacilityId: subject.recordDay === null ? null : subject.centreId,
    mergedIntoId: null,
  };
}

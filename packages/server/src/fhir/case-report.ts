/**
 * A case report card (传染病报告卡) as FHIR R4: the card's patient (ID number masked), the disease as a Condition
 * coded in ICD-10 and the local disease system, and the diagnosing facility's Encounter.
 */
import type { CaseClassification, CaseReportDetail } from '@chp/core';
import { CASE_CLASSIFICATION_LABELS, findDisease } from '@chp/core';
import { gender, identifierSystem } from './patient.js';
import type { FhirResource } from './systems.js';
import { EXTENSION_BASE, ICD10_SYSTEM } from './systems.js';

export const DISEASE_SYSTEM = 'urn:chp:notifiable-disease';
export const CARD_NUMBER_SYSTEM = 'urn:chp:case-report-card';
export const CASE_CLASSIFICATION_SYSTEM = 'urn:chp:case-classification';
const VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';

/** 疑似 is provisional; 临床诊断, 确诊 and 病原携带 are cases as reported. */
function verification(classification: CaseClassification): string {
  switch (classification) {
    case 'suspected':
      return 'provisional';
    case 'clinical':
    case 'confirmed':
    case 'carrier':
      return 'confirmed';
  }
}

function ids(card: CaseReportDetail): { patient: string; encounter: string } {
  return { patient: `case-report-${String(card.id)}`, encounter: `case-report-${String(card.id)}` };
}

function patient(card: CaseReportDetail): FhirResource {
  return {
    resourceType: 'Patient',
    id: ids(card).patient,
    identifier:
      card.idNumberMasked === null
        ? []
        : [{ system: identifierSystem(card.idType ?? 'other'), value: card.idNumberMasked }],
    name: [{ text: card.patientName }],
    gender: gender(card.sex),
    ...(card.birthDate === null ? {} : { birthDate: card.birthDate }),
    ...(card.phone === null ? {} : { telecom: [{ system: 'phone', value: card.phone }] }),
    address: [
      {
        ...(card.address === null ? {} : { text: card.address }),
        district: card.townshipCode,
        extension: [card.townshipCode, card.villageCode]
          .filter((code): code is string => code !== null)
          .map((code) => ({ url: `${EXTENSION_BASE}/division`, valueCode: code })),
      },
    ],
    ...(card.residentId === null
      ? {}
      : { link: [{ other: { reference: `Patient/${String(card.residentId)}` }, type: 'seealso' }] }),
  };
}

function condition(card: CaseReportDetail): FhirResource {
  const disease = findDisease(card.diseaseCode);
  const deleted = card.status === 'deleted';
  return {
    resourceType: 'Condition',
    id: String(card.id),
    identifier: [{ system: CARD_NUMBER_SYSTEM, value: card.cardNumber }],
    // An entered-in-error condition carries no clinical status (FHIR invariant con-5).
    ...(deleted ? {} : { clinicalStatus: { coding: [{ system: CLINICAL_SYSTEM, code: 'active' }] } }),
    verificationStatus: {
      coding: [
        { system: VERIFICATION_SYSTEM, code: deleted ? 'entered-in-error' : verification(card.classification) },
        {
          system: CASE_CLASSIFICATION_SYSTEM,
          code: card.classification,
          display: CASE_CLASSIFICATION_LABELS[card.classification],
        },
      ],
    },
    code: {
      coding: [
        ...(disease === undefined || disease.icd10 === ''
          ? []
          : [{ system: ICD10_SYSTEM, code: disease.icd10, display: disease.name }]),
        { system: DISEASE_SYSTEM, code: card.diseaseCode, display: card.diseaseName },
      ],
      text: card.diseaseName,
    },
    subject: { reference: `Patient/${ids(card).patient}` },
    encounter: { reference: `Encounter/${ids(card).encounter}` },
    onsetDateTime: card.onsetDate,
    recordedDate: card.reportedAt,
    recorder: { display: card.reportingDoctor },
  };
}

function encounter(card: CaseReportDetail): FhirResource {
  return {
    resourceType: 'Encounter',
    id: ids(card).encounter,
    status: 'finished',
    class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    subject: { reference: `Patient/${ids(card).patient}` },
    period: { start: card.diagnosedAt },
    serviceProvider: {
      identifier: { system: 'urn:chp:facility', value: String(card.facilityId) },
      ...(card.facilityName === null ? {} : { display: card.facilityName }),
    },
    participant: [{ individual: { display: card.reportingDoctor } }],
  };
}

/** The card's three resources. */
export function caseReportResources(card: CaseReportDetail): FhirResource[] {
  return [patient(card), condition(card), encounter(card)];
}

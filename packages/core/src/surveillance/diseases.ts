/**
 * Notifiable diseases (法定报告传染病) of the 传染病防治法 as in force: 甲类 2, 乙类, 丙类, with the later
 * adjustments by the national health administration (人感染H7N9禽流感 乙类 2013, 新型冠状病毒感染 乙类乙管 2023,
 * 猴痘 乙类 2023, 甲型H1N1流感 into 流行性感冒 丙类 2013).
 *
 * managedAsA (乙类按甲类管理): 传染性非典型肺炎 and 肺炭疽 — 传染病防治法 第四条 (2013 修正: "对乙类传染病中
 * 传染性非典型肺炎、炭疽中的肺炭疽，采取本法所称甲类传染病的预防、控制措施"). 人感染高致病性禽流感 was
 * released from 甲类 measures by 国卫疾控发〔2013〕28号 and 脊髓灰质炎 was never under them, so neither is
 * managedAsA; both still have the 2-hour report of 《传染病信息报告管理规范》(2015) (with 甲类, 肺炭疽 and
 * 传染性非典型肺炎), which `deadlineHours` and `immediate` follow.
 *
 * Codes are stable identifiers stored on cards; a disease with sub-types (病毒性肝炎, 炭疽, 痢疾, 伤寒和副伤寒)
 * is reported by a sub-type code (`reportable`), the parent groups them.
 */
export type DiseaseClass = 'A' | 'B' | 'C';

export const DISEASE_CLASS_LABELS: Record<DiseaseClass, string> = { A: '甲类', B: '乙类', C: '丙类' };

export interface Disease {
  readonly code: string;
  readonly name: string;
  readonly icd10: string;
  readonly diseaseClass: DiseaseClass;
  /** 乙类传染病按甲类管理. */
  readonly managedAsA: boolean;
  /** One case is a signal: 甲类, managedAsA and the other 2-hour diseases. */
  readonly immediate: boolean;
  /** Hours from diagnosis within which the card must be reported (网络直报). */
  readonly deadlineHours: 2 | 24;
  /** Whether a pathogen carrier (病原携带者) can be reported. */
  readonly carrier: boolean;
  /** The grouping disease of a sub-type. */
  readonly parentCode: string | null;
  /** False for a group reported by its sub-types. */
  readonly reportable: boolean;
  /** False for a county's local disease (surveillance_subject). */
  readonly national: boolean;
}

interface Entry {
  code: string;
  name: string;
  icd10: string;
  carrier?: boolean;
  managedAsA?: boolean;
  twoHour?: boolean;
  sub?: readonly Entry[];
}

const A: readonly Entry[] = [
  { code: 'plague', name: '鼠疫', icd10: 'A20' },
  { code: 'cholera', name: '霍乱', icd10: 'A00', carrier: true },
];

const B: readonly Entry[] = [
  { code: 'covid19', name: '新型冠状病毒感染', icd10: 'U07.1' },
  { code: 'sars', name: '传染性非典型肺炎', icd10: 'U04.9', managedAsA: true },
  { code: 'hiv_aids', name: '艾滋病', icd10: 'B24', carrier: true },
  {
    code: 'hepatitis',
    name: '病毒性肝炎',
    icd10: 'B19',
    sub: [
      { code: 'hepatitis_a', name: '甲型病毒性肝炎', icd10: 'B15' },
      { code: 'hepatitis_b', name: '乙型病毒性肝炎', icd10: 'B16', carrier: true },
      { code: 'hepatitis_c', name: '丙型病毒性肝炎', icd10: 'B17.1', carrier: true },
      { code: 'hepatitis_e', name: '戊型病毒性肝炎', icd10: 'B17.2' },
      { code: 'hepatitis_u', name: '未分型病毒性肝炎', icd10: 'B19' },
    ],
  },
  { code: 'poliomyelitis', name: '脊髓灰质炎', icd10: 'A80', twoHour: true },
  { code: 'hpai', name: '人感染高致病性禽流感', icd10: 'J09', twoHour: true },
  { code: 'measles', name: '麻疹', icd10: 'B05' },
  { code: 'hfrs', name: '流行性出血热', icd10: 'A98.5' },
  { code: 'rabies', name: '狂犬病', icd10: 'A82' },
  { code: 'japanese_encephalitis', name: '流行性乙型脑炎', icd10: 'A83.0' },
  { code: 'dengue', name: '登革热', icd10: 'A90' },
  {
    code: 'anthrax',
    name: '炭疽',
    icd10: 'A22',
    sub: [
      { code: 'anthrax_pulmonary', name: '肺炭疽', icd10: 'A22.1', managedAsA: true },
      { code: 'anthrax_cutaneous', name: '皮肤炭疽', icd10: 'A22.0' },
      { code: 'anthrax_unspecified', name: '未分型炭疽', icd10: 'A22.9' },
    ],
  },
  {
    code: 'dysentery',
    name: '细菌性和阿米巴性痢疾',
    icd10: 'A03',
    sub: [
      { code: 'dysentery_bacillary', name: '细菌性痢疾', icd10: 'A03', carrier: true },
      { code: 'dysentery_amoebic', name: '阿米巴性痢疾', icd10: 'A06', carrier: true },
    ],
  },
  { code: 'tuberculosis', name: '肺结核', icd10: 'A16' },
  {
    code: 'typhoid_paratyphoid',
    name: '伤寒和副伤寒',
    icd10: 'A01',
    sub: [
      { code: 'typhoid', name: '伤寒', icd10: 'A01.0', carrier: true },
      { code: 'paratyphoid', name: '副伤寒', icd10: 'A01.4', carrier: true },
    ],
  },
  { code: 'meningococcal_meningitis', name: '流行性脑脊髓膜炎', icd10: 'A39.0' },
  { code: 'pertussis', name: '百日咳', icd10: 'A37' },
  { code: 'diphtheria', name: '白喉', icd10: 'A36' },
  { code: 'neonatal_tetanus', name: '新生儿破伤风', icd10: 'A33' },
  { code: 'scarlet_fever', name: '猩红热', icd10: 'A38' },
  { code: 'brucellosis', name: '布鲁氏菌病', icd10: 'A23' },
  { code: 'gonorrhoea', name: '淋病', icd10: 'A54' },
  { code: 'syphilis', name: '梅毒', icd10: 'A53' },
  { code: 'leptospirosis', name: '钩端螺旋体病', icd10: 'A27' },
  { code: 'schistosomiasis', name: '血吸虫病', icd10: 'B65' },
  { code: 'malaria', name: '疟疾', icd10: 'B54' },
  { code: 'h7n9', name: '人感染H7N9禽流感', icd10: 'J09' },
  { code: 'mpox', name: '猴痘', icd10: 'B04' },
];

const C: readonly Entry[] = [
  { code: 'influenza', name: '流行性感冒', icd10: 'J11' },
  { code: 'mumps', name: '流行性腮腺炎', icd10: 'B26' },
  { code: 'rubella', name: '风疹', icd10: 'B06' },
  { code: 'acute_haemorrhagic_conjunctivitis', name: '急性出血性结膜炎', icd10: 'B30.3' },
  { code: 'leprosy', name: '麻风病', icd10: 'A30' },
  { code: 'typhus', name: '流行性和地方性斑疹伤寒', icd10: 'A75' },
  { code: 'kala_azar', name: '黑热病', icd10: 'B55.0' },
  { code: 'echinococcosis', name: '包虫病', icd10: 'B67' },
  { code: 'filariasis', name: '丝虫病', icd10: 'B74' },
  { code: 'other_infectious_diarrhoea', name: '其它感染性腹泻病', icd10: 'A09' },
  { code: 'hfmd', name: '手足口病', icd10: 'B08.4' },
];

function expand(diseaseClass: DiseaseClass, entries: readonly Entry[], parentCode: string | null): Disease[] {
  return entries.flatMap((entry) => {
    const managedAsA = entry.managedAsA === true;
    const immediate = diseaseClass === 'A' || managedAsA || entry.twoHour === true;
    const disease: Disease = {
      code: entry.code,
      name: entry.name,
      icd10: entry.icd10,
      diseaseClass,
      managedAsA,
      immediate,
      deadlineHours: immediate ? 2 : 24,
      carrier: entry.carrier === true,
      parentCode,
      reportable: entry.sub === undefined,
      national: true,
    };
    return [disease, ...expand(diseaseClass, entry.sub ?? [], entry.code)];
  });
}

/** The national catalogue, 甲类 then 乙类 then 丙类, each group followed by its sub-types. */
export const NATIONAL_DISEASES: readonly Disease[] = [
  ...expand('A', A, null),
  ...expand('B', B, null),
  ...expand('C', C, null),
];

const BY_CODE = new Map(NATIONAL_DISEASES.map((disease) => [disease.code, disease]));

/** A national disease by code; local diseases are merged by the database layer (`localDisease`). */
export function findDisease(code: string): Disease | undefined {
  return BY_CODE.get(code);
}

/** Codes of the national diseases with an immediate signal (for the daily detection run). */
export function immediateDiseaseCodes(): ReadonlySet<string> {
  return new Set(NATIONAL_DISEASES.filter((disease) => disease.immediate).map((disease) => disease.code));
}

export interface LocalDiseaseRow {
  code: string;
  name: string | null;
  immediate: boolean;
  deadlineHours: number | null;
}

/** A county's locally monitored disease (code `L…`) as a catalogue entry: classed 丙类-like, no carriers. */
export function localDisease(row: LocalDiseaseRow): Disease {
  const deadlineHours = row.deadlineHours === 2 || row.immediate ? 2 : 24;
  return {
    code: row.code,
    name: row.name ?? row.code,
    icd10: '',
    diseaseClass: 'C',
    managedAsA: false,
    immediate: row.immediate,
    deadlineHours,
    carrier: false,
    parentCode: null,
    reportable: true,
    national: false,
  };
}

/** Whether a code names a local disease (`L…`). */
export function isLocalDiseaseCode(code: string): boolean {
  return /^L[0-9A-Za-z_]+$/.test(code);
}

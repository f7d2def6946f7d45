/**
 * ICD-10 codes as written on Chinese death certificates (《居民死亡医学证明（推断）书》): a letter, two
 * digits, optionally a dot and one or two more digits ("I21.9", "C34", "E11.9", "J44.1", "U07.1").
 * We check the structure and that the 3-character category lies in one of the 22 chapters of ICD-10
 * (WHO, 2019 edition; GB/T 14396 follows the same chapters). Whether a category such as "C35" or
 * "I26" actually exists inside its chapter is NOT checked: the gaps inside chapters are not
 * bundled here. Two-digit subdivisions beyond WHO's one (national clinical extensions) are accepted.
 */
export interface Icd10Code {
  /** Normalised form: upper case, "I21.9" or "C34". */
  code: string;
  /** The 3-character category, "I21". */
  category: string;
  /** Digits after the dot, "9"; null for a bare category. */
  subdivision: string | null;
  chapter: Icd10Chapter;
}

export interface Icd10Chapter {
  /** Roman numeral, I–XXII. */
  number: string;
  /** First and last 3-character category of the chapter, inclusive. */
  first: string;
  last: string;
  name: string;
}

export type Icd10ParseResult = { ok: true; value: Icd10Code } | { ok: false; reason: string };

/** The 22 chapters of ICD-10 (WHO 2019), with their Chinese titles. */
export const ICD10_CHAPTERS: readonly Icd10Chapter[] = [
  { number: 'I', first: 'A00', last: 'B99', name: '某些传染病和寄生虫病' },
  { number: 'II', first: 'C00', last: 'D48', name: '肿瘤' },
  { number: 'III', first: 'D50', last: 'D89', name: '血液及造血器官疾病和某些涉及免疫机制的疾患' },
  { number: 'IV', first: 'E00', last: 'E90', name: '内分泌、营养和代谢疾病' },
  { number: 'V', first: 'F00', last: 'F99', name: '精神和行为障碍' },
  { number: 'VI', first: 'G00', last: 'G99', name: '神经系统疾病' },
  { number: 'VII', first: 'H00', last: 'H59', name: '眼和附器疾病' },
  { number: 'VIII', first: 'H60', last: 'H95', name: '耳和乳突疾病' },
  { number: 'IX', first: 'I00', last: 'I99', name: '循环系统疾病' },
  { number: 'X', first: 'J00', last: 'J99', name: '呼吸系统疾病' },
  { number: 'XI', first: 'K00', last: 'K93', name: '消化系统疾病' },
  { number: 'XII', first: 'L00', last: 'L99', name: '皮肤和皮下组织疾病' },
  { number: 'XIII', first: 'M00', last: 'M99', name: '肌肉骨骼系统和结缔组织疾病' },
  { number: 'XIV', first: 'N00', last: 'N99', name: '泌尿生殖系统疾病' },
  { number: 'XV', first: 'O00', last: 'O99', name: '妊娠、分娩和产褥期' },
  { number: 'XVI', first: 'P00', last: 'P96', name: '起源于围生期的某些情况' },
  { number: 'XVII', first: 'Q00', last: 'Q99', name: '先天性畸形、变形和染色体异常' },
  { number: 'XVIII', first: 'R00', last: 'R99', name: '症状、体征和临床与实验室异常所见，不可归类在他处者' },
  { number: 'XIX', first: 'S00', last: 'T98', name: '损伤、中毒和外因的某些其他后果' },
  { number: 'XX', first: 'V01', last: 'Y98', name: '疾病和死亡的外因' },
  { number: 'XXI', first: 'Z00', last: 'Z99', name: '影响健康状态和与保健机构接触的因素' },
  { number: 'XXII', first: 'U00', last: 'U85', name: '用于特殊目的的编码' },
];

const PATTERN = /^([A-Z])(\d{2})(?:\.(\d{1,2}))?$/;

/** Parses and validates one code; surrounding spaces and lower case are tolerated. */
export function parseIcd10(input: string): Icd10ParseResult {
  const text = input.trim().toUpperCase();
  if (text === '') return { ok: false, reason: 'ICD-10 编码为空' };
  const match = PATTERN.exec(text);
  if (match === null) {
    return { ok: false, reason: `ICD-10 编码“${input}”格式错误（应为字母+2位数字，可带“.”和1–2位数字，如 I21.9）` };
  }
  const category = `${match[1] ?? ''}${match[2] ?? ''}`;
  const chapter = icd10Chapter(category);
  if (chapter === null) return { ok: false, reason: `ICD-10 编码“${input}”的类目 ${category} 不在任何章节范围内` };
  const subdivision = match[3] ?? null;
  return {
    ok: true,
    value: { code: subdivision === null ? category : `${category}.${subdivision}`, category, subdivision, chapter },
  };
}

/** The chapter of a 3-character category ("I21"), or null when it is in no chapter (e.g. "D49", "U99"). */
export function icd10Chapter(category: string): Icd10Chapter | null {
  return ICD10_CHAPTERS.find((chapter) => inRange(category, chapter.first, chapter.last)) ?? null;
}

export type NcdGroup = 'cardiovascular' | 'cancer' | 'diabetes' | 'chronic_respiratory';

/**
 * The four major NCD groups of SDG 3.4.1 / 重大慢性病过早死亡率, by the ICD-10 ranges of the WHO
 * indicator metadata ("Dying between the exact ages 30 and 70 years from cardiovascular diseases,
 * cancer, diabetes, or chronic respiratory diseases, probability (SDG 3.4.1)", WHO Global Health
 * Observatory): cardiovascular I00–I99, cancer C00–C97, diabetes E10–E14, chronic respiratory J30–J98.
 * Null for any other or invalid code.
 */
export function ncdGroup(code: string): NcdGroup | null {
  const parsed = parseIcd10(code);
  if (!parsed.ok) return null;
  const { category } = parsed.value;
  if (inRange(category, 'I00', 'I99')) return 'cardiovascular';
  if (inRange(category, 'C00', 'C97')) return 'cancer';
  if (inRange(category, 'E10', 'E14')) return 'diabetes';
  if (inRange(category, 'J30', 'J98')) return 'chronic_respiratory';
  return null;
}

/**
 * Whether an underlying cause of death is a maternal cause by its code alone (ICD-10 Volume 2,
 * maternal mortality): chapter XV O00–O99 except O96 (late maternal death, 42 days to 1 year) and O97
 * (sequelae), plus A34 obstetrical tetanus, which ICD-10 places in chapter I but counts as maternal.
 * Caveats the caller must apply: a maternal death (孕产妇死亡) is a death during pregnancy or within
 * 42 days of its end, so the timing must also hold; deaths coded elsewhere (e.g. B20–B24, F53, M83.0)
 * can be maternal in context and are not caught here; accidental or incidental causes are excluded.
 */
export function isMaternalDeathCode(code: string): boolean {
  const parsed = parseIcd10(code);
  if (!parsed.ok) return false;
  const { category } = parsed.value;
  if (category === 'A34') return true;
  return inRange(category, 'O00', 'O99') && category !== 'O96' && category !== 'O97';
}

/** Categories compare as strings: same letter, then two digits. */
function inRange(category: string, first: string, last: string): boolean {
  return category >= first && category <= last;
}

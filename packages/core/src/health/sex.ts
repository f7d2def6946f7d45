/** Sex codes of GB/T 2261.1-2003 (人的性别代码), with their Chinese names. */
export const SEXES = [
  { code: '0', name: '未知的性别' },
  { code: '1', name: '男' },
  { code: '2', name: '女' },
  { code: '9', name: '未说明的性别' },
] as const;
export type Sex = (typeof SEXES)[number]['code'];

/** Male and female: what an ID number encodes, and all the population and vital-event registers accept. */
export const KNOWN_SEXES = [SEXES[1], SEXES[2]] as const;
export type KnownSex = (typeof KNOWN_SEXES)[number]['code'];

/** Other spellings met in forms and spreadsheets (compared after NFKC, trim and lower case). */
const ALIASES: Readonly<Record<string, Sex>> = {
  男性: '1',
  女性: '2',
  未知: '0',
  不详: '0',
  未说明: '9',
  m: '1',
  male: '1',
  f: '2',
  female: '2',
  u: '0',
  unknown: '0',
  'not stated': '9',
};

export function isSex(value: string): value is Sex {
  return SEXES.some((sex) => sex.code === value);
}

export function sexLabel(code: Sex): string {
  return SEXES.find((sex) => sex.code === code)?.name ?? code;
}

/** The code named by "1", "男", "男性", "M", "male" …; null when the text names no sex. */
export function parseSex(text: string): Sex | null {
  const value = text.normalize('NFKC').trim().toLowerCase();
  const named = SEXES.find((sex) => sex.code === value || sex.name === value)?.code;
  return named ?? ALIASES[value] ?? null;
}

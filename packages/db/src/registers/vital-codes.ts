/** Codes of the population and vital-event registers, with the Chinese labels import files may use. */

// Sexes are core's KNOWN_SEXES (GB/T 2261.1 1 男, 2 女): the registers accept neither 0 nor 9.

export const RESIDENCES = [
  { code: 'resident', name: '常住' },
  { code: 'registered', name: '户籍' },
] as const;
export type Residence = (typeof RESIDENCES)[number]['code'];

export const DEATH_PLACES = [
  { code: 'hospital', name: '医疗卫生机构' },
  { code: 'on_the_way', name: '来院途中' },
  { code: 'home', name: '家中' },
  { code: 'other', name: '其他场所' },
  { code: 'unknown', name: '不详' },
] as const;
export type DeathPlace = (typeof DEATH_PLACES)[number]['code'];

/** Codes are whole years of age; the open group ends at none. Deaths older than this are rejected. */
export const MAX_AGE = 120;

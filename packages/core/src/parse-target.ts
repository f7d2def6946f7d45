import type { Comparator } from './plan.js';

/** A plan's target wording reduced to a comparator and the number it names (docs/plan-data-format.md). */
export interface ParsedTarget {
  comparator: Comparator;
  targetValue: number | null;
}

const NUMBER = String.raw`\d+(?:\.\d+)?`;
const RANGE_DASH = '[-—–~～至]';

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一…九十九 written in Chinese numerals ("十二" → 12). */
function chineseNumeral(text: string): number {
  const tenAt = text.indexOf('十');
  if (tenAt < 0) return DIGITS[text] ?? 0;
  const tens = tenAt === 0 ? 1 : (DIGITS[text.slice(0, tenAt)] ?? 0);
  return tens * 10 + (DIGITS[text.slice(tenAt + 1)] ?? 0);
}

/**
 * Brings the wording to one spelling: half-width digits and signs, no spaces, Chinese numerals before a
 * measure word as digits, and removes numbers that are not the target (years, ages, "每万人口", "6类").
 */
function normalise(text: string): string {
  return (
    text
      .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
      .replace(/．/g, '.')
      .replace(/％/g, '%')
      .replace(/＞/g, '>')
      .replace(/＜/g, '<')
      .replace(/：/g, ':')
      .replace(/[≧]/g, '≥')
      .replace(/[≦]/g, '≤')
      .replace(/\s+/g, '')
      .replace(
        /[一二两三四五六七八九十]+(?=[次个支所家栋名人项张大]|级(?:等保|及以上))/g,
        (numeral) => `${chineseNumeral(numeral)}`
      )
      // "到2025年", "2022年底", "2021年6月底前": deadlines, not target values.
      .replace(/(?:到|至|于|在)?(?:19|20)\d{2}年(?:底|末|前|内)?(?:\d{1,2}月(?:底|末)?前?)?/g, '')
      // "3岁以下婴幼儿", "65岁及以上": the population, not the target.
      .replace(
        new RegExp(
          `${NUMBER}(?:${RANGE_DASH}${NUMBER})?(?:周岁|岁)(?:及以上|以上|及以下|以下)?(?=儿童|婴幼儿|人群|老年|居民|妇女|学生|人)`,
          'g'
        ),
        ''
      )
      // "每10万人口", "每万名常住人口", "每4—8人": the denominator, not the target.
      .replace(
        new RegExp(`每(?:${NUMBER}(?:${RANGE_DASH}${NUMBER})?)?(?:十万|万|千|百)?名?(?:常住)?(?:人口|居民|人)`, 'g'),
        ''
      )
      // "6类10项": the count of categories qualifies the count of items.
      .replace(/\d+类/g, '')
  );
}

type Rule = [RegExp, Comparator];

/** Wording with no number, checked in order. */
const WORDING_RULES: Rule[] = [
  [/趋势/, 'qualitative'],
  [/下降|降低|减少|放缓|稳中有降/, 'decrease'],
  [/提高|提升|增长|增加|上升|扩大|越来越大/, 'increase'],
  [/维持|保持|巩固/, 'maintain'],
];

/** Words after the number; they decide over words before it ("维持在70%左右" is approx). */
const SUFFIX_RULES: Rule[] = [
  [/以上/, 'gte'],
  [/以下/, 'lte'],
  [/以内/, 'within'],
  [/左右/, 'approx'],
];

/** Words before the number, longest first so that 不低于 is not read as 低于. */
const PREFIX_RULES: Rule[] = [
  [/不低于|不得低于|不少于|不小于|至少/, 'gte'],
  [/不高于|不超过|不多于/, 'lte'],
  [/低于|少于|小于/, 'lt'],
  [/超过|高于|多于/, 'gt'],
  [/约/, 'approx'],
  [/控制在|降低到|降低至|下降到|下降至|降至|降到|减少到/, 'lte'],
  [/达到|达|提高到|提升到|增加到|增长到|力争|争取/, 'gte'],
  [/维持在|保持在|稳定在/, 'maintain'],
];

const SYMBOLS: Record<string, Comparator> = { '≥': 'gte', '>=': 'gte', '≤': 'lte', '<=': 'lte', '>': 'gt', '<': 'lt' };

function firstMatch(rules: Rule[], text: string): Comparator | null {
  return rules.find(([pattern]) => pattern.test(text))?.[1] ?? null;
}

function numericTarget(text: string): ParsedTarget | null {
  const symbol = new RegExp(`(>=|<=|≥|≤|>|<)(${NUMBER})`).exec(text);
  if (symbol) return { comparator: SYMBOLS[symbol[1] ?? ''] ?? 'eq', targetValue: Number(symbol[2]) };

  const ratio = new RegExp(`1:(${NUMBER})`).exec(text);
  if (ratio) return { comparator: 'eq', targetValue: Number(ratio[1]) };

  const rank = new RegExp(`(${NUMBER})强`).exec(text);
  if (rank) return { comparator: 'lte', targetValue: Number(rank[1]) };

  const number = new RegExp(`(${NUMBER})(${RANGE_DASH}${NUMBER})?`).exec(text);
  if (!number) return null;
  const value = Number(number[1]);
  const after = text.slice(number.index + number[0].length);
  const before = text.slice(0, number.index);
  const comparator =
    firstMatch(SUFFIX_RULES, after) ??
    firstMatch(PREFIX_RULES, before) ??
    // A range "1—2个" names at least its lower bound.
    (number[2] === undefined ? 'eq' : 'gte');
  return { comparator, targetValue: value };
}

/**
 * Reads a target as the plans write it ("≥95", "95%以上", "控制在18‰以下", "每年降低1个百分点",
 * "达到全区平均水平", "持续提高") into the comparator and number of docs/plan-data-format.md.
 */
export function parseTarget(text: string): ParsedTarget {
  const s = normalise(text);

  if (/平均(?:水平|值)/.test(s)) {
    // "低于全区平均水平" is a ceiling with no number; "达到（或超过）全区平均水平" is the regional average.
    return { comparator: /(?<!不)低于/.test(s) ? 'lt' : 'regional_average', targetValue: null };
  }
  if (/同比例|同步/.test(s)) return { comparator: 'same_rate_increase', targetValue: null };

  const perYear = new RegExp(`每年(?:降低|下降|减少)(${NUMBER})个百分点`).exec(s);
  if (perYear) return { comparator: 'decrease_pp_per_year', targetValue: Number(perYear[1]) };
  const points = new RegExp(`(?:提高|提升|增加|增长)(${NUMBER})个百分点`).exec(s);
  if (points) return { comparator: 'increase_pp', targetValue: Number(points[1]) };
  const growth = new RegExp(`(?:增长|提高|提升|增加)(${NUMBER})%`).exec(s);
  if (growth) return { comparator: 'increase_pct', targetValue: Number(growth[1]) };

  return numericTarget(s) ?? { comparator: firstMatch(WORDING_RULES, s) ?? 'qualitative', targetValue: null };
}

import { ageBandLabel, assertCompleteBands } from './age-groups.js';
import type { AgeBand } from './age-groups.js';

/**
 * Abridged period life table by Chiang's method (Chiang II), with the variance of life expectancy by
 * Chiang's formula. This is the method of the UK ONS and of the PHE / APHO Life Expectancy Calculator
 * (Eayres & Williams 2004, J Epidemiol Community Health 58:243–249; Chiang CL, The Life Table and its
 * Applications, 1984); it is verified against the PHE reference (see life-table.test.ts).
 */
export interface LifeTableGroup extends AgeBand {
  /** Person-years at risk (mid-year or average population × years observed). */
  population: number;
  deaths: number;
  /**
   * Fraction of the interval lived by those who die in it (Chiang's a_x). Default 0.1 for age 0 and
   * 0.5 otherwise; ignored for the open interval.
   */
  ax?: number;
}

export interface LifeTableRow extends AgeBand {
  population: number;
  deaths: number;
  ax: number;
  /** Age-specific death rate deaths / population. */
  mx: number;
  /** Probability of dying in the interval, n·M / (1 + (1 − a)·n·M), capped at 1; 1 for the open interval. */
  qx: number;
  px: number;
  /** Survivors at the start of the interval out of the radix. */
  lx: number;
  dx: number;
  /** Person-years lived in the interval: n·(l_{x+n} + a·d_x); l_x / M_x for the open interval. */
  Lx: number;
  Tx: number;
  /** Life expectancy at the start of the interval; 0 where no one survives to it. */
  ex: number;
  /** Var(q_x) = q²(1 − q) / D_x (0 when D_x = 0); for the open interval see `openIntervalVariance`. */
  varianceQx: number;
  varianceEx: number;
  seEx: number;
  /** 95 % confidence interval of e_x: e_x ± 1.96 · SE. */
  ciLower: number;
  ciUpper: number;
}

export type LifeTableProblem =
  | { code: 'invalid_age_groups'; message: string }
  | { code: 'invalid_count'; ageGroup: string; message: string }
  | { code: 'zero_population'; ageGroup: string; message: string }
  | { code: 'deaths_exceed_population'; ageGroup: string; message: string }
  | { code: 'no_deaths_in_open_interval'; ageGroup: string; message: string };

export type LifeTableWarning =
  | { code: 'small_population'; personYears: number; minimum: number; message: string }
  | { code: 'wide_interval'; ageGroups: string[]; message: string };

export type LifeTableResult =
  { ok: true; rows: LifeTableRow[]; warnings: LifeTableWarning[] } | { ok: false; problems: LifeTableProblem[] };

export interface LifeTableOptions {
  /** l_0; 100,000 by default. */
  radix?: number;
  /**
   * Variance contribution of the open interval. 'silcocks' (default, as PHE/ONS): the open interval's
   * e is 1/M_ω, so its term is (l_ω/2)² · 4 / (D_ω · M_ω²) (Silcocks, Jenner & Reza 2001, J Epidemiol
   * Community Health 55:38–43). 'chiang': Chiang's original, q_ω = 1 has no variance, the term is 0.
   */
  openIntervalVariance?: 'silcocks' | 'chiang';
  /** Below this many person-years in total, warn (5,000 by default). */
  minPersonYears?: number;
}

/**
 * 5,000 person-years: the minimum for a robust life expectancy used by the PHE/APHO calculator, after
 * Toson B, Baker A, "Life expectancy at birth: methodological options for small populations", National
 * Statistics Methodological Series No 33, 2003. A township of 5,000 residents reaches it in one year;
 * smaller ones should pool years (`poolLifeTableGroups`).
 */
export const MIN_PERSON_YEARS = 5000;

/** PHE suppresses a life expectancy whose 95 % interval is wider than 20 years; we warn instead. */
export const MAX_INTERVAL_WIDTH = 20;

/** The two-sided 95 % normal quantile, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

export function computeLifeTable(groups: readonly LifeTableGroup[], options: LifeTableOptions = {}): LifeTableResult {
  const problems = findProblems(groups);
  if (problems.length > 0) return { ok: false, problems };

  const radix = options.radix ?? 100_000;
  const silcocks = (options.openIntervalVariance ?? 'silcocks') === 'silcocks';
  const last = groups.length - 1;

  // Forward pass: probabilities and survivors.
  const base = groups.map((group, index) => {
    const ax = group.ax ?? (group.ageStart === 0 ? 0.1 : 0.5);
    const mx = group.deaths / group.population;
    const n = group.width ?? 0;
    const qx = index === last ? 1 : Math.min(1, (n * mx) / (1 + (1 - ax) * n * mx));
    return { group, ax, mx, n, qx };
  });
  const lx: number[] = [radix];
  base.forEach((row, index) => {
    if (index < last) lx.push((lx[index] ?? 0) * (1 - row.qx));
  });

  // Person-years lived and the Chiang variance weights.
  const Lx = base.map((row, index) => {
    const l = lx[index] ?? 0;
    if (index === last) return l / row.mx;
    const lNext = lx[index + 1] ?? 0;
    return row.n * (lNext + row.ax * (l - lNext));
  });
  const Tx = suffixSums(Lx);
  const ex = Tx.map((t, index) => {
    const l = lx[index] ?? 0;
    return l === 0 ? 0 : t / l;
  });
  const varianceQx = base.map((row, index) => {
    const { deaths } = row.group;
    if (index === last) return silcocks ? 4 / (deaths * row.mx * row.mx) : 0;
    return deaths === 0 ? 0 : (row.qx * row.qx * (1 - row.qx)) / deaths;
  });
  const weights = base.map((row, index) => {
    const l = lx[index] ?? 0;
    const v = varianceQx[index] ?? 0;
    if (index === last) return (l / 2) ** 2 * v;
    return l * l * ((1 - row.ax) * row.n + (ex[index + 1] ?? 0)) ** 2 * v;
  });
  const cumulativeWeights = suffixSums(weights);

  const rows = base.map((row, index): LifeTableRow => {
    const l = lx[index] ?? 0;
    const e = ex[index] ?? 0;
    const varianceEx = l === 0 ? 0 : (cumulativeWeights[index] ?? 0) / (l * l);
    const seEx = Math.sqrt(varianceEx);
    return {
      ageStart: row.group.ageStart,
      width: row.group.width,
      population: row.group.population,
      deaths: row.group.deaths,
      ax: row.ax,
      mx: row.mx,
      qx: row.qx,
      px: 1 - row.qx,
      lx: l,
      dx: l - (index === last ? 0 : (lx[index + 1] ?? 0)),
      Lx: Lx[index] ?? 0,
      Tx: Tx[index] ?? 0,
      ex: e,
      varianceQx: varianceQx[index] ?? 0,
      varianceEx,
      seEx,
      ciLower: e - Z_95 * seEx,
      ciUpper: e + Z_95 * seEx,
    };
  });
  return { ok: true, rows, warnings: findWarnings(rows, options.minPersonYears ?? MIN_PERSON_YEARS) };
}

/**
 * Sums person-years and deaths of several periods (e.g. 3 or 5 years of a small township) into one
 * set of groups, so the life table rests on enough deaths. All periods must use the same age groups.
 */
export function poolLifeTableGroups(periods: readonly (readonly LifeTableGroup[])[]): LifeTableGroup[] {
  const [first, ...rest] = periods;
  if (first === undefined) throw new RangeError('没有可合并的年份数据');
  const pooled = first.map((group) => ({ ...group }));
  for (const period of rest) {
    if (period.length !== pooled.length) throw new RangeError('各年份的年龄组不一致，无法合并');
    period.forEach((group, index) => {
      const target = pooled[index];
      if (target?.ageStart !== group.ageStart || target.width !== group.width) {
        throw new RangeError(`各年份的年龄组不一致（${ageBandLabel(group)}），无法合并`);
      }
      target.population += group.population;
      target.deaths += group.deaths;
    });
  }
  return pooled;
}

function suffixSums(values: readonly number[]): number[] {
  const sums = new Array<number>(values.length);
  let total = 0;
  for (let index = values.length - 1; index >= 0; index--) {
    total += values[index] ?? 0;
    sums[index] = total;
  }
  return sums;
}

function findProblems(groups: readonly LifeTableGroup[]): LifeTableProblem[] {
  try {
    assertCompleteBands(groups);
  } catch (error) {
    return [{ code: 'invalid_age_groups', message: error instanceof Error ? error.message : String(error) }];
  }
  const problems: LifeTableProblem[] = [];
  groups.forEach((group, index) => {
    const ageGroup = ageBandLabel(group);
    const valid = (value: number): boolean => Number.isFinite(value) && value >= 0;
    if (!valid(group.population) || !valid(group.deaths)) {
      problems.push({ code: 'invalid_count', ageGroup, message: `${ageGroup} 岁组的人口数或死亡数无效（须为非负数）` });
      return;
    }
    if (group.ax !== undefined && !(group.ax >= 0 && group.ax <= 1)) {
      problems.push({
        code: 'invalid_count',
        ageGroup,
        message: `${ageGroup} 岁组的 ax=${group.ax} 无效（须在 0 与 1 之间）`,
      });
      return;
    }
    if (group.population === 0) {
      problems.push({
        code: 'zero_population',
        ageGroup,
        message: `${ageGroup} 岁组人口（人年）为 0，无法计算死亡率；请合并多年数据或上级区域`,
      });
      return;
    }
    if (group.deaths > group.population) {
      problems.push({
        code: 'deaths_exceed_population',
        ageGroup,
        message: `${ageGroup} 岁组死亡数 ${group.deaths} 大于人口（人年）${group.population}，请核对数据`,
      });
      return;
    }
    if (index === groups.length - 1 && group.deaths === 0) {
      problems.push({
        code: 'no_deaths_in_open_interval',
        ageGroup,
        message: `最高年龄组 ${ageGroup} 无死亡，无法计算其生存人年；请合并多年数据`,
      });
    }
  });
  return problems;
}

function findWarnings(rows: readonly LifeTableRow[], minPersonYears: number): LifeTableWarning[] {
  const warnings: LifeTableWarning[] = [];
  const personYears = rows.reduce((sum, row) => sum + row.population, 0);
  if (personYears < minPersonYears) {
    warnings.push({
      code: 'small_population',
      personYears,
      minimum: minPersonYears,
      message: `人口总人年 ${personYears} 少于 ${minPersonYears}，预期寿命不稳定；建议合并多年数据或上级区域后计算`,
    });
  }
  const wide = rows.filter((row) => row.ciUpper - row.ciLower > MAX_INTERVAL_WIDTH).map(ageBandLabel);
  if (wide.length > 0) {
    warnings.push({
      code: 'wide_interval',
      ageGroups: wide,
      message: `${wide.join('、')} 岁组预期寿命的 95% 置信区间宽于 ${MAX_INTERVAL_WIDTH} 岁，结果不可靠；建议合并多年数据`,
    });
  }
  return warnings;
}

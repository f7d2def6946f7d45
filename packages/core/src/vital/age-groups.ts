/**
 * Age bands used by vital statistics: single years, 5-year groups to an open interval (85+), and the
 * abridged life-table groups 0, 1–4, 5–9, … . A band is [ageStart, ageStart + width); width null is the
 * open last interval (e.g. 85+). Ages are completed years (周岁).
 */
export interface AgeBand {
  ageStart: number;
  /** Years in the band; null for the open last interval. */
  width: number | null;
}

export interface AgeBandCount extends AgeBand {
  count: number;
}

export interface SingleYearCount {
  /** Completed years of age (周岁). */
  age: number;
  count: number;
}

/** 0, 1, 2, …, openAt − 1, then openAt+. */
export function singleYearBands(openAt: number): AgeBand[] {
  checkOpenAt(openAt, 1);
  const bands: AgeBand[] = [];
  for (let age = 0; age < openAt; age++) bands.push({ ageStart: age, width: 1 });
  bands.push({ ageStart: openAt, width: null });
  return bands;
}

/** 0–4, 5–9, …, then openAt+ (openAt a multiple of 5, 85 by default). */
export function fiveYearBands(openAt = 85): AgeBand[] {
  checkOpenAt(openAt, 5);
  const bands: AgeBand[] = [];
  for (let age = 0; age < openAt; age += 5) bands.push({ ageStart: age, width: 5 });
  bands.push({ ageStart: openAt, width: null });
  return bands;
}

/** The abridged life-table groups 0, 1–4, 5–9, …, then openAt+ (85 by default; ONS/PHE use 90). */
export function lifeTableBands(openAt = 85): AgeBand[] {
  checkOpenAt(openAt, 5);
  return [{ ageStart: 0, width: 1 }, { ageStart: 1, width: 4 }, ...fiveYearBands(openAt).slice(1)];
}

/** '0', '1–4', '85+': the usual label of a band. */
export function ageBandLabel(band: AgeBand): string {
  if (band.width === null) return `${band.ageStart}+`;
  if (band.width === 1) return `${band.ageStart}`;
  return `${band.ageStart}–${band.ageStart + band.width - 1}`;
}

/**
 * Checks that bands start at 0, are contiguous, have positive integer widths and end with one open band.
 * Throws a RangeError (message in Chinese) otherwise.
 */
export function assertCompleteBands(bands: readonly AgeBand[]): void {
  if (bands.length === 0) throw new RangeError('年龄组为空');
  let expected = 0;
  bands.forEach((band, index) => {
    const label = ageBandLabel(band);
    if (band.ageStart !== expected) {
      throw new RangeError(`年龄组 ${label} 应从 ${expected} 岁开始（年龄组须从 0 岁起连续）`);
    }
    const isLast = index === bands.length - 1;
    if (band.width === null) {
      if (!isLast) throw new RangeError(`开口年龄组 ${label} 必须是最后一个年龄组`);
      return;
    }
    if (!Number.isInteger(band.width) || band.width <= 0) {
      throw new RangeError(`年龄组 ${band.ageStart} 的组距必须是正整数`);
    }
    if (isLast) throw new RangeError(`最后一个年龄组 ${label} 必须是开口组（如 85+）`);
    expected += band.width;
  });
}

/** Whether the source band lies wholly inside the target band. */
function within(source: AgeBand, target: AgeBand): boolean {
  if (source.ageStart < target.ageStart) return false;
  if (target.width === null) return true;
  if (source.width === null) return false;
  return source.ageStart + source.width <= target.ageStart + target.width;
}

/**
 * Sums counts given in finer bands into the target bands (e.g. 5-year groups to 90+ into 85+, or a
 * standard population into the groups of the data). Every source band must lie wholly inside one
 * target band; counts must be finite and non-negative.
 */
export function aggregateToBands(target: readonly AgeBand[], source: readonly AgeBandCount[]): AgeBandCount[] {
  assertCompleteBands(target);
  const result = target.map((band) => ({ ageStart: band.ageStart, width: band.width, count: 0 }));
  for (const item of source) {
    if (!Number.isFinite(item.count) || item.count < 0) {
      throw new RangeError(`年龄组 ${ageBandLabel(item)} 的数值 ${item.count} 无效（须为非负数）`);
    }
    const slot = result.find((band) => within(item, band));
    if (slot === undefined) {
      throw new RangeError(`年龄组 ${ageBandLabel(item)} 跨越了目标年龄组的边界，无法合并`);
    }
    slot.count += item.count;
  }
  return result;
}

/**
 * Sums single-year counts (population or deaths by 周岁) into the target bands. Ages must be
 * non-negative integers; ages at or above the open band's start go into it.
 */
export function aggregateSingleYears(target: readonly AgeBand[], counts: readonly SingleYearCount[]): AgeBandCount[] {
  return aggregateToBands(
    target,
    counts.map(({ age, count }) => {
      if (!Number.isInteger(age) || age < 0) throw new RangeError(`年龄 ${age} 无效（须为非负整数周岁）`);
      return { ageStart: age, width: 1, count };
    })
  );
}

function checkOpenAt(openAt: number, step: number): void {
  if (!Number.isInteger(openAt) || openAt < step || openAt % step !== 0) {
    throw new RangeError(`开口年龄组起点 ${openAt} 无效（须为 ${step} 的正整数倍）`);
  }
}

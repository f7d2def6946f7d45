import { describe, expect, it } from 'vitest';
import {
  ageBandLabel,
  aggregateSingleYears,
  aggregateToBands,
  assertCompleteBands,
  fiveYearBands,
  lifeTableBands,
  singleYearBands,
} from './age-groups.js';

describe('standard age bands', () => {
  it('builds single-year bands with an open end', () => {
    const bands = singleYearBands(3);
    expect(bands).toEqual([
      { ageStart: 0, width: 1 },
      { ageStart: 1, width: 1 },
      { ageStart: 2, width: 1 },
      { ageStart: 3, width: null },
    ]);
  });

  it('builds 5-year bands to 85+', () => {
    const bands = fiveYearBands();
    expect(bands).toHaveLength(18);
    expect(bands.map(ageBandLabel).slice(0, 2)).toEqual(['0–4', '5–9']);
    expect(bands.at(-1)).toEqual({ ageStart: 85, width: null });
  });

  it('builds the life-table bands 0, 1–4, 5–9, … 85+', () => {
    const bands = lifeTableBands();
    expect(bands.map(ageBandLabel)).toEqual([
      '0',
      '1–4',
      '5–9',
      '10–14',
      '15–19',
      '20–24',
      '25–29',
      '30–34',
      '35–39',
      '40–44',
      '45–49',
      '50–54',
      '55–59',
      '60–64',
      '65–69',
      '70–74',
      '75–79',
      '80–84',
      '85+',
    ]);
    expect(lifeTableBands(90)).toHaveLength(20);
    for (const bandsOf of [singleYearBands(100), fiveYearBands(90), lifeTableBands(90)]) {
      expect(() => {
        assertCompleteBands(bandsOf);
      }).not.toThrow();
    }
  });

  it('refuses an open start that does not fit the step', () => {
    expect(() => fiveYearBands(83)).toThrow(RangeError);
    expect(() => lifeTableBands(0)).toThrow(RangeError);
    expect(() => singleYearBands(0)).toThrow(RangeError);
  });
});

describe('assertCompleteBands', () => {
  it('rejects gaps, overlaps, a missing or misplaced open band', () => {
    expect(() => {
      assertCompleteBands([]);
    }).toThrow('为空');
    expect(() => {
      assertCompleteBands([{ ageStart: 1, width: null }]);
    }).toThrow('从 0 岁开始');
    expect(() => {
      assertCompleteBands([
        { ageStart: 0, width: 5 },
        { ageStart: 6, width: null },
      ]);
    }).toThrow('从 5 岁开始');
    expect(() => {
      assertCompleteBands([{ ageStart: 0, width: 5 }]);
    }).toThrow('开口组');
    expect(() => {
      assertCompleteBands([
        { ageStart: 0, width: null },
        { ageStart: 0, width: null },
      ]);
    }).toThrow('最后一个');
    expect(() => {
      assertCompleteBands([
        { ageStart: 0, width: 0 },
        { ageStart: 0, width: null },
      ]);
    }).toThrow('正整数');
  });
});

describe('aggregateSingleYears', () => {
  it('sums single-year counts into life-table bands, the oldest into the open band', () => {
    const counts = [
      { age: 0, count: 10 },
      { age: 1, count: 3 },
      { age: 4, count: 2 },
      { age: 5, count: 7 },
      { age: 84, count: 1 },
      { age: 85, count: 4 },
      { age: 101, count: 1 },
    ];
    const result = aggregateSingleYears(lifeTableBands(), counts);
    expect(result[0]).toEqual({ ageStart: 0, width: 1, count: 10 });
    expect(result[1]).toEqual({ ageStart: 1, width: 4, count: 5 });
    expect(result[2]).toEqual({ ageStart: 5, width: 5, count: 7 });
    expect(result.at(-2)).toEqual({ ageStart: 80, width: 5, count: 1 });
    expect(result.at(-1)).toEqual({ ageStart: 85, width: null, count: 5 });
    expect(result.reduce((sum, band) => sum + band.count, 0)).toBe(28);
  });

  it('rejects invalid ages and counts', () => {
    expect(() => aggregateSingleYears(fiveYearBands(), [{ age: -1, count: 1 }])).toThrow('年龄 -1');
    expect(() => aggregateSingleYears(fiveYearBands(), [{ age: 2.5, count: 1 }])).toThrow(RangeError);
    expect(() => aggregateSingleYears(fiveYearBands(), [{ age: 2, count: -3 }])).toThrow('非负');
    expect(() => aggregateSingleYears(fiveYearBands(), [{ age: 2, count: Number.NaN }])).toThrow('非负');
  });
});

describe('aggregateToBands', () => {
  it('collapses 5-year groups to 90+ into 85+', () => {
    const source = fiveYearBands(90).map((band) => ({ ...band, count: 1 }));
    const result = aggregateToBands(fiveYearBands(85), source);
    expect(result.at(-1)).toEqual({ ageStart: 85, width: null, count: 2 });
    expect(result.at(-2)).toEqual({ ageStart: 80, width: 5, count: 1 });
  });

  it('refuses a source band that straddles a target boundary', () => {
    const source = [{ ageStart: 0, width: 5, count: 1 }];
    expect(() => aggregateToBands(lifeTableBands(), source)).toThrow('跨越');
    expect(() => aggregateToBands(fiveYearBands(85), [{ ageStart: 80, width: null, count: 1 }])).toThrow('跨越');
  });
});

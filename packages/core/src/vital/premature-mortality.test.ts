import { describe, expect, it } from 'vitest';
import { countNcdDeaths, prematureNcdMortality } from './premature-mortality.js';

/*
 * Hand-computed fixture (a county of about 250,000): ₅qₓ = 5M / (1 + 2.5M), e.g.
 *   60–64: M = 80 / 22,000 = 1/275, q = (1/55) / (111/110) = 2/111 = 0.018018…
 *   65–69: M = 100 / 18,000 = 1/180, q = (1/36) / (73/72) = 2/73 = 0.027397…
 * and ₄₀q₃₀ = 1 − Π(1 − q) = 0.0708637507…, i.e. 7.09 %.
 */
const fixture = [
  { ageStart: 30, population: 42_000, ncdDeaths: 6 },
  { ageStart: 35, population: 40_000, ncdDeaths: 10 },
  { ageStart: 40, population: 38_000, ncdDeaths: 18 },
  { ageStart: 45, population: 36_000, ncdDeaths: 30 },
  { ageStart: 50, population: 30_000, ncdDeaths: 45 },
  { ageStart: 55, population: 26_000, ncdDeaths: 60 },
  { ageStart: 60, population: 22_000, ncdDeaths: 80 },
  { ageStart: 65, population: 18_000, ncdDeaths: 100 },
];

describe('prematureNcdMortality', () => {
  it('computes 40q30 by the WHO method', () => {
    const result = prematureNcdMortality(fixture);
    expect(result.groups[6]!.qx).toBeCloseTo(2 / 111, 15);
    expect(result.groups[7]!.qx).toBeCloseTo(2 / 73, 15);
    expect(result.groups[0]!.mx).toBeCloseTo(6 / 42_000, 15);
    expect(result.probability).toBeCloseTo(0.07086375076340201, 12);
    expect(result.percent.toFixed(2)).toBe('7.09');
    expect(result.ncdDeaths).toBe(349);
    expect(result.population).toBe(252_000);
  });

  it('accepts the groups in any order', () => {
    expect(prematureNcdMortality([...fixture].reverse()).probability).toBeCloseTo(0.07086375076340201, 12);
  });

  it('is 0 without deaths and below the sum of crude 5-year risks otherwise', () => {
    expect(prematureNcdMortality(fixture.map((group) => ({ ...group, ncdDeaths: 0 }))).probability).toBe(0);
    const sumOfRisks = fixture.reduce((sum, group) => sum + (5 * group.ncdDeaths) / group.population, 0);
    expect(prematureNcdMortality(fixture).probability).toBeLessThan(sumOfRisks);
  });

  it('refuses missing, duplicated, extra or invalid groups', () => {
    expect(() => prematureNcdMortality(fixture.slice(1))).toThrow('30–34');
    expect(() => prematureNcdMortality([...fixture, fixture[0]!])).toThrow('30–34');
    expect(() => prematureNcdMortality([...fixture, { ageStart: 70, population: 10, ncdDeaths: 1 }])).toThrow(
      '8 个 5 岁组'
    );
    const zero = fixture.map((group) => (group.ageStart === 40 ? { ...group, population: 0 } : group));
    expect(() => prematureNcdMortality(zero)).toThrow('40–44');
    const negative = fixture.map((group) => (group.ageStart === 50 ? { ...group, ncdDeaths: -1 } : group));
    expect(() => prematureNcdMortality(negative)).toThrow('50–54');
  });
});

describe('countNcdDeaths', () => {
  it('counts only the four NCD groups at ages 30–69', () => {
    const counts = countNcdDeaths([
      { age: 30, underlyingCause: 'I21.9' },
      { age: 34, underlyingCause: 'C34.1' },
      { age: 47, underlyingCause: 'E11.9' },
      { age: 69, underlyingCause: 'J44.1' },
      { age: 69, underlyingCause: 'J45' },
      { age: 29, underlyingCause: 'I21.9' },
      { age: 70, underlyingCause: 'I21.9' },
      { age: 50, underlyingCause: 'V89.2' },
      { age: 50, underlyingCause: 'J18.9' },
      { age: 50, underlyingCause: 'D48' },
      { age: 50, underlyingCause: 'not a code' },
    ]);
    expect([...counts.entries()]).toEqual([
      [30, 2],
      [35, 0],
      [40, 0],
      [45, 1],
      [50, 0],
      [55, 0],
      [60, 0],
      [65, 2],
    ]);
  });
});

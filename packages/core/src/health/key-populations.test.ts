import { describe, expect, it } from 'vitest';
import { KEY_POPULATIONS, isKeyPopulationFlag, keyPopulationFlags, keyPopulationLabel } from './key-populations.js';

const base = { asOf: '2025-06-30', openPrograms: [], residentFlags: [] } as const;

describe('keyPopulationFlags', () => {
  it('flags 65 and over by completed years on the day', () => {
    expect(keyPopulationFlags({ ...base, birthDate: '1960-06-30' })).toEqual(['elderly']);
    expect(keyPopulationFlags({ ...base, birthDate: '1960-07-01' })).toEqual([]);
  });

  it('flags children 0–6: up to the day before the seventh birthday', () => {
    expect(keyPopulationFlags({ ...base, birthDate: '2025-06-30' })).toEqual(['child']);
    expect(keyPopulationFlags({ ...base, birthDate: '2018-07-01' })).toEqual(['child']);
    expect(keyPopulationFlags({ ...base, birthDate: '2018-06-30' })).toEqual([]);
  });

  it('does not flag a child not yet born on the day', () => {
    expect(keyPopulationFlags({ ...base, birthDate: '2025-07-01' })).toEqual([]);
  });

  it('flags open programme enrolments and the recorded flags, in the order of the list', () => {
    expect(
      keyPopulationFlags({
        birthDate: '1950-01-01',
        asOf: '2025-06-30',
        openPrograms: ['diabetes', 'elderly', 'hypertension'],
        residentFlags: ['monitored', 'disabled'],
      })
    ).toEqual(['elderly', 'hypertension', 'diabetes', 'disabled', 'monitored']);
    expect(
      keyPopulationFlags({
        ...base,
        birthDate: '1995-03-01',
        openPrograms: ['maternal'],
        residentFlags: ['poverty_alleviated'],
      })
    ).toEqual(['pregnant', 'poverty_alleviated']);
    expect(
      keyPopulationFlags({ ...base, birthDate: '1980-01-01', openPrograms: ['severe_mental', 'tuberculosis'] })
    ).toEqual(['severe_mental', 'tuberculosis']);
  });

  it('labels every flag', () => {
    expect(KEY_POPULATIONS).toHaveLength(10);
    expect(keyPopulationLabel('poverty_alleviated')).toBe('脱贫户');
    expect(keyPopulationLabel('child')).toBe('0–6岁儿童');
  });
});

describe('isKeyPopulationFlag', () => {
  it('accepts the codes of KEY_POPULATIONS and nothing else', () => {
    expect(isKeyPopulationFlag('elderly')).toBe(true);
    expect(isKeyPopulationFlag('monitored')).toBe(true);
    expect(isKeyPopulationFlag('pregnancy')).toBe(false);
    expect(isKeyPopulationFlag('')).toBe(false);
  });
});

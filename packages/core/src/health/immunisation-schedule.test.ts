import { describe, expect, it } from 'vitest';
import {
  IMMUNISATION_SCHEDULE,
  VACCINES,
  VACCINE_CODES,
  dateAtAge,
  dosesDueBy,
  immunisationDue,
  isTimelyDose,
  vaccineCodeFrom,
} from './immunisation-schedule.js';
import type { GivenDose } from './schedules/types.js';

// Born 2024-01-31: 1 month old on 2024-03-01, 3 months on 2024-05-01, 6 on 2024-07-31, 8 on 2024-10-01.
const birth = '2024-01-31';

function due(given: GivenDose[], asOf: string) {
  return immunisationDue(birth, given, asOf);
}

function item(given: GivenDose[], asOf: string, vaccine: string) {
  return due(given, asOf).find((entry) => entry.kind === vaccine);
}

describe('national immunisation schedule (2021)', () => {
  it('numbers each vaccine’s doses from 1 and gives each a timely limit after its due age', () => {
    for (const code of VACCINE_CODES) {
      const doses = IMMUNISATION_SCHEDULE.filter((dose) => dose.vaccine === code).map((dose) => dose.dose);
      expect(doses, code).toEqual(Array.from({ length: VACCINES[code].doses }, (_, index) => index + 1));
    }
    for (const dose of IMMUNISATION_SCHEDULE) {
      expect(dateAtAge(birth, dose.timelyBefore) > dateAtAge(birth, dose.dueAge), `${dose.vaccine} ${dose.dose}`).toBe(
        true
      );
    }
  });

  it('uses the 程序’s ages and 及时接种 limits', () => {
    const ages = IMMUNISATION_SCHEDULE.map((dose) => [
      `${dose.vaccine}-${dose.dose}`,
      dose.dueAge.months,
      dose.timelyBefore.months,
    ]);
    expect(ages).toEqual([
      ['HepB-1', 0, 0],
      ['HepB-2', 1, 2],
      ['HepB-3', 6, 12],
      ['BCG-1', 0, 3],
      ['IPV-1', 2, 3],
      ['IPV-2', 3, 4],
      ['bOPV-1', 4, 12],
      ['bOPV-2', 48, 60],
      ['DTaP-1', 3, 4],
      ['DTaP-2', 4, 5],
      ['DTaP-3', 5, 12],
      ['DTaP-4', 18, 24],
      ['DT-1', 72, 84],
      ['MMR-1', 8, 12],
      ['MMR-2', 18, 24],
      ['JE-L-1', 8, 12],
      ['JE-L-2', 24, 36],
      ['JE-I-1', 8, 9],
      ['JE-I-2', 8, 12],
      ['JE-I-3', 24, 36],
      ['JE-I-4', 72, 84],
      ['MPSV-A-1', 6, 7],
      ['MPSV-A-2', 9, 18],
      ['MPSV-AC-1', 36, 48],
      ['MPSV-AC-2', 72, 84],
      ['HepA-L-1', 18, 24],
      ['HepA-I-1', 18, 24],
      ['HepA-I-2', 24, 36],
    ]);
  });

  it('lists the first dose of each vaccine of the live 乙脑/甲肝 series at birth', () => {
    const list = due([], birth);
    expect(list.map((entry) => entry.kind)).toEqual([
      'HepB',
      'BCG',
      'IPV',
      'bOPV',
      'DTaP',
      'DT',
      'MMR',
      'JE-L',
      'MPSV-A',
      'MPSV-AC',
      'HepA-L',
    ]);
    expect(list[0]).toEqual({
      program: 'immunisation',
      kind: 'HepB',
      label: '乙肝疫苗 第1剂',
      dose: 1,
      dueDate: '2024-01-31',
      overdueFrom: '2024-02-02',
      reason: '免疫程序（2021年版）出生时接种乙肝疫苗 第1剂，2024-02-02前完成为及时接种',
    });
    expect(item([], birth, 'BCG')).toMatchObject({ dueDate: '2024-01-31', overdueFrom: '2024-05-01' });
    expect(item([], birth, 'bOPV')?.reason).toBe(
      '免疫程序（2021年版）4月龄接种脊灰减毒活疫苗 第1剂，2025-01-31前完成为及时接种'
    );
  });

  it('moves to the next dose at its age, month ends rolling to the 1st', () => {
    const given = [{ vaccine: 'HepB', dose: 1, date: birth }];
    expect(item(given, '2024-02-01', 'HepB')).toMatchObject({
      dose: 2,
      dueDate: '2024-03-01',
      overdueFrom: '2024-03-31',
    });
  });

  it('times a catch-up dose by the minimum interval after the previous dose', () => {
    const hepB: GivenDose[] = [
      { vaccine: 'HepB', dose: 1, date: birth },
      { vaccine: 'HepB', dose: 2, date: '2024-07-15' },
    ];
    expect(item(hepB, '2024-07-16', 'HepB')).toMatchObject({
      dose: 3,
      dueDate: '2024-09-13',
      overdueFrom: '2025-01-31',
    });
    const dtap: GivenDose[] = [1, 2, 3].map((dose) => ({
      vaccine: 'DTaP',
      dose,
      date: ['2024-05-01', '2024-06-01', '2025-10-01'][dose - 1]!,
    }));
    const fourth = item(dtap, '2025-10-02', 'DTaP');
    expect(fourth).toMatchObject({ dose: 4, dueDate: '2026-04-01', overdueFrom: '2026-04-01' });
    expect(fourth?.reason).toContain('与上一剂须满最短间隔，2026-04-01起可接种');
  });

  it('follows the inactivated 乙脑 series once a JE-I dose is recorded', () => {
    const given = [{ vaccine: 'JE-I', dose: 1, date: '2024-10-01' }];
    const list = due(given, '2024-10-02');
    expect(list.some((entry) => entry.kind === 'JE-L')).toBe(false);
    expect(item(given, '2024-10-02', 'JE-I')).toMatchObject({
      dose: 2,
      dueDate: '2024-10-08',
      overdueFrom: '2025-01-31',
    });
  });

  it('stops BCG at 4 years and everything at 7', () => {
    expect(item([], '2028-01-30', 'BCG')).toBeDefined();
    expect(item([], '2028-01-31', 'BCG')).toBeUndefined();
    expect(due([], '2031-01-30').length).toBeGreaterThan(0);
    expect(due([], '2031-01-31')).toEqual([]);
  });

  it('ignores doses dated after the as-of date', () => {
    const given = [{ vaccine: 'HepB', dose: 1, date: '2024-02-01' }];
    expect(item(given, birth, 'HepB')).toMatchObject({ dose: 1 });
  });

  it('lists the doses a child should have by a date, by series', () => {
    const codes = (date: string, given: GivenDose[] = []) =>
      dosesDueBy(birth, date, given).map((dose) => `${dose.vaccine}-${dose.dose}`);
    expect(codes('2024-09-30')).toEqual([
      'HepB-1',
      'HepB-2',
      'HepB-3',
      'BCG-1',
      'IPV-1',
      'IPV-2',
      'bOPV-1',
      'DTaP-1',
      'DTaP-2',
      'DTaP-3',
      'MPSV-A-1',
    ]);
    expect(codes('2024-10-01')).toEqual(expect.arrayContaining(['MMR-1', 'JE-L-1']));
    const inactivated = codes('2024-10-01', [{ vaccine: 'JE-I', dose: 1, date: '2024-10-01' }]);
    expect(inactivated).toContain('JE-I-1');
    expect(inactivated).not.toContain('JE-I-2');
    expect(inactivated).not.toContain('JE-L-1');
    expect(dosesDueBy(birth, '2024-01-31')[0]).toEqual({
      vaccine: 'HepB',
      dose: 1,
      dueDate: '2024-01-31',
      timelyBefore: '2024-02-02',
    });
  });

  it('judges timeliness by the 及时接种 limits', () => {
    expect(isTimelyDose(birth, 'HepB', 1, '2024-02-01')).toBe(true);
    expect(isTimelyDose(birth, 'HepB', 1, '2024-02-02')).toBe(false);
    expect(isTimelyDose(birth, 'BCG', 1, '2024-04-30')).toBe(true);
    expect(isTimelyDose(birth, 'BCG', 1, '2024-05-01')).toBe(false);
    expect(isTimelyDose(birth, 'MPSV-A', 2, '2025-07-30')).toBe(true);
    expect(isTimelyDose(birth, 'MPSV-A', 2, '2025-07-31')).toBe(false);
    expect(isTimelyDose(birth, 'HepB', 4, '2024-05-01')).toBeNull();
    expect(isTimelyDose(birth, 'Rabies', 1, '2024-05-01')).toBeNull();
  });

  it('reads vaccine codes and names as registers write them', () => {
    expect(vaccineCodeFrom('HepB')).toBe('HepB');
    expect(vaccineCodeFrom('hepb')).toBe('HepB');
    expect(vaccineCodeFrom('JE_L')).toBe('JE-L');
    expect(vaccineCodeFrom(' mpsv-ac ')).toBe('MPSV-AC');
    expect(vaccineCodeFrom('乙肝疫苗')).toBe('HepB');
    expect(vaccineCodeFrom('甲肝灭活疫苗')).toBe('HepA-I');
    expect(vaccineCodeFrom('狂犬病疫苗')).toBeNull();
  });
});

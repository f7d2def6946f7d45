/**
 * Beds, health workers and childcare places of the synthetic facilities, at national-average ratios
 * that rise from 2016 to 2025: beds ≈ 5.5 → 7 per 1,000 residents, 执业(助理)医师 ≈ 2.5 → 3.0, 注册护士
 * ≈ 2.7 → 3.4, 药师(士) ≈ 0.3, GPs ≈ 9 % of doctors (≈ 2.3–2.8 per 10,000), CDC staff 1.32 per 10,000
 * (the staffing norm the plans cite), 托位 ≈ 1.5 → 3.5 per 1,000. Where a county's plan states its 2020
 * beds, doctors or nurses per 1,000 (data/demo/counties.json), that line is scaled to pass through it.
 */
import type { KnownSex } from '@chp/core';
import type { BedDepartment } from '../../registers/bed-departments.js';
import type { Qualification } from '../../registers/qualifications.js';
import type { childcarePlaces, facilityBeds, healthWorker } from '../../schema.js';
import type { Random } from '../random.js';
import { FIGURES_YEAR } from './county-figures.js';
import type { CountyFigures, SourcedFigure } from './county-figures.js';
import type { FacilityRole, PlannedFacility } from './facilities-plan.js';
import { apportion, integerBetween, pickIndex } from './sampling.js';

export interface ResourceRows {
  beds: (typeof facilityBeds.$inferInsert)[];
  workers: (typeof healthWorker.$inferInsert)[];
  childcare: (typeof childcarePlaces.$inferInsert)[];
}

type ByRole<T> = Partial<Record<FacilityRole, T>>;

const BED_SHARES: ByRole<number> = { general: 0.38, tcm: 0.17, mch: 0.05, private: 0.15, township: 0.25 };
/** Departments as shares of a facility's beds (the rest is general wards). */
const DEPARTMENTS: ByRole<Partial<Record<BedDepartment, number>>> = {
  general: {
    icu: 0.03,
    infectious: 0.05,
    psychiatric: 0.03,
    geriatric: 0.04,
    obstetric: 0.07,
    pediatric: 0.07,
    rehabilitation: 0.04,
  },
  tcm: { geriatric: 0.05, rehabilitation: 0.08 },
  mch: { obstetric: 0.4, pediatric: 0.3 },
};

/** The years of the national ratios' two ends; the ratios run straight between them and stay level outside. */
const RATE_YEARS = { from: 2016, to: 2025 } as const;
type Range = readonly [number, number];
/** Per 1,000 residents in RATE_YEARS.from and RATE_YEARS.to. */
const BEDS: Range = [5.5, 7];
const CHILDCARE: Range = [1.5, 3.5];

type Kind = 'doctor' | 'nurse' | 'pharmacist' | 'technician' | 'cdc' | 'supervision';
const RATES: Record<Kind, Range> = {
  doctor: [2.5, 3.0],
  nurse: [2.7, 3.4],
  pharmacist: [0.28, 0.34],
  technician: [0.3, 0.36],
  cdc: [0.132, 0.132],
  supervision: [0.05, 0.05],
};
const STAFF_SHARES: Record<Kind, ByRole<number>> = {
  doctor: { general: 0.3, tcm: 0.12, mch: 0.06, private: 0.08, township: 0.3, clinic: 0.14 },
  nurse: { general: 0.4, tcm: 0.14, mch: 0.07, private: 0.1, township: 0.25, clinic: 0.04 },
  pharmacist: { general: 0.35, tcm: 0.17, mch: 0.06, private: 0.1, township: 0.32 },
  technician: { general: 0.4, tcm: 0.15, mch: 0.08, private: 0.1, township: 0.27 },
  cdc: { cdc: 1 },
  supervision: { supervision: 1 },
};

/** Facility weights for a share table: the role's share split by the facilities' own weights. */
function facilityWeights(facilities: readonly PlannedFacility[], shares: ByRole<number>): number[] {
  const roleTotals = new Map<FacilityRole, number>();
  for (const facility of facilities)
    roleTotals.set(facility.role, (roleTotals.get(facility.role) ?? 0) + facility.weight);
  return facilities.map(
    (facility) => ((shares[facility.role] ?? 0) * facility.weight) / (roleTotals.get(facility.role) ?? 1)
  );
}

/** The plan figure, if any, that fixes a kind's ratio in FIGURES_YEAR. */
const STATED: Partial<Record<Kind, 'doctorsPer1000' | 'nursesPer1000'>> = {
  doctor: 'doctorsPer1000',
  nurse: 'nursesPer1000',
};

function nationalRate(range: Range, year: number): number {
  const fraction = (year - RATE_YEARS.from) / (RATE_YEARS.to - RATE_YEARS.from);
  return range[0] + (range[1] - range[0]) * Math.min(1, Math.max(0, fraction));
}

/** Per 1,000 residents in a year: the national line, scaled by the county's stated figure for FIGURES_YEAR. */
function ratePerThousand(range: Range, stated: SourcedFigure | undefined): (year: number) => number {
  const factor = stated === undefined ? 1 : stated.value / nationalRate(range, FIGURES_YEAR);
  return (year) => nationalRate(range, year) * factor;
}

function qualificationsFor(random: Random, kind: Kind, role: FacilityRole): Qualification[] {
  switch (kind) {
    case 'doctor': {
      const qualifications: Qualification[] = [random() < 0.78 ? 'physician' : 'assistant_physician'];
      if (random() < (role === 'tcm' ? 0.6 : 0.1)) qualifications.push('tcm');
      if (random() < (role === 'township' ? 0.15 : 0.04)) qualifications.push('general_practitioner');
      if (role === 'general' && random() < 0.04) qualifications.push('psychiatry');
      if (random() < (role === 'mch' ? 0.1 : 0.02)) qualifications.push('public_health');
      return qualifications;
    }
    case 'nurse':
      return random() < (role === 'mch' ? 0.3 : 0.04) ? ['registered_nurse', 'midwife'] : ['registered_nurse'];
    case 'pharmacist':
      return ['pharmacist'];
    case 'technician':
      return ['technician'];
    case 'cdc':
      return random() < 0.5
        ? ['physician', 'public_health']
        : random() < 0.25
          ? ['health_education']
          : ['public_health'];
    case 'supervision':
      return random() < 0.4 ? ['physician', 'public_health'] : ['public_health'];
  }
}

export function syntheticResources(
  random: Random,
  countyCode: string,
  facilities: readonly PlannedFacility[],
  ids: readonly number[],
  /** Resident population of each year of `years`. */
  residents: readonly number[],
  years: readonly number[],
  figures: Partial<CountyFigures>
): ResourceRows {
  const perYear = (rate: (year: number) => number, year: number): number =>
    Math.round(((residents[years.indexOf(year)] ?? 0) * rate(year)) / 1000);
  const beds: ResourceRows['beds'] = [];
  const bedWeights = facilityWeights(facilities, BED_SHARES);
  const bedRate = ratePerThousand(BEDS, figures.bedsPer1000);
  years.forEach((year) => {
    const totals = apportion(perYear(bedRate, year), bedWeights);
    facilities.forEach((facility, index) => {
      const total = totals[index] ?? 0;
      const facilityId = ids[index] ?? 0;
      if ((bedWeights[index] ?? 0) === 0) return;
      const departments: [BedDepartment, number][] = [['total', total]];
      for (const [department, share] of Object.entries(DEPARTMENTS[facility.role] ?? {})) {
        departments.push([department as BedDepartment, Math.round(total * share)]);
      }
      for (const [department, actual] of departments) {
        beds.push({ facilityId, countyCode, year, department, actual, approved: Math.ceil(actual * 1.1) });
      }
    });
  });

  const workers: ResourceRows['workers'] = [];
  const firstYear = years[0] ?? 0;
  let person = 0;
  const hire = (facilityIndex: number, employedFrom: number, qualifications: Qualification[]): void => {
    person += 1;
    const birthYear = employedFrom - integerBetween(random, 22, 30);
    const sex: KnownSex = random() < (qualifications.includes('registered_nurse') ? 0.05 : 0.5) ? '1' : '2';
    workers.push({
      countyCode,
      facilityId: ids[facilityIndex] ?? 0,
      personRef: `DEMO-P-${String(person).padStart(7, '0')}`,
      sex,
      birthYear,
      qualifications,
      employedFrom,
      employedTo: null,
    });
  };
  for (const kind of Object.keys(RATES) as Kind[]) {
    const weights = facilityWeights(facilities, STAFF_SHARES[kind]);
    const stated = STATED[kind];
    const rate = ratePerThousand(RATES[kind], stated === undefined ? undefined : figures[stated]);
    const counts = years.map((year) => perYear(rate, year));
    const last = counts[counts.length - 1] ?? 0;
    for (let n = 0; n < last; n += 1) {
      // The first year's staff joined over the preceding decades; the growth is hired year by year.
      const hiredIndex = counts.findIndex((count) => n < count);
      const employedFrom =
        hiredIndex <= 0 ? firstYear - integerBetween(random, 0, 25) : (years[hiredIndex] ?? firstYear);
      const facilityIndex = pickIndex(random, weights);
      hire(facilityIndex, employedFrom, qualificationsFor(random, kind, facilities[facilityIndex]?.role ?? 'general'));
    }
  }
  // One 乡村医生 per 村卫生室 unless the plan states how many there are (泗阳: 948 for 250 clinics).
  const villageClinics = facilities.flatMap((facility, index) => (facility.role === 'village' ? [index] : []));
  const doctorsPerClinic = apportion(
    figures.villageDoctors?.value ?? villageClinics.length,
    villageClinics.map(() => 1)
  );
  villageClinics.forEach((facilityIndex, k) => {
    for (let n = 0; n < (doctorsPerClinic[k] ?? 0); n += 1) {
      hire(facilityIndex, firstYear - integerBetween(random, 0, 25), ['village_doctor']);
    }
  });

  const childcare: ResourceRows['childcare'] = [];
  const childcareWeights = facilityWeights(facilities, { childcare: 1 });
  const childcareRate = ratePerThousand(CHILDCARE, undefined);
  years.forEach((year) => {
    const places = apportion(perYear(childcareRate, year), childcareWeights);
    facilities.forEach((facility, index) => {
      if (facility.role !== 'childcare') return;
      const count = places[index] ?? 0;
      const inclusive = facility.input.ownership === 'public' ? count : Math.round(count * 0.3);
      childcare.push({ facilityId: ids[index] ?? 0, countyCode, year, places: count, inclusivePlaces: inclusive });
    });
  });
  return { beds, workers, childcare };
}

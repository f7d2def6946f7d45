/** Checks the shape of a plan file and the indicator catalogue (docs/plan-data-format.md). */
import { ATTRIBUTES, COMPARATORS } from '@chp/core';
import type { CountyPlan, FundingSource, PlanIndicator, PlanProject, StandardIndicator } from '@chp/core';
import {
  DataFileError,
  anyText,
  asArray,
  asObject,
  integer,
  integerOrNull,
  numberOrNull,
  oneOf,
  optionalText,
  text,
  textOrNull,
} from './json-fields.js';
import type { Place } from './json-fields.js';

const SOURCES = ['table', 'prose'] as const;
const DIRECTIONS = ['up', 'down'] as const;
const KINDS = ['value', 'rate', 'percent', 'ratio'] as const;

/** Where a record of a list lies: by its id when it has a string one, else by position. */
function placeOf(file: string, kind: string, raw: unknown, index: number): Place {
  const id = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)['id'] : undefined;
  return { file, record: typeof id === 'string' ? `${kind} ${id}` : `第 ${index + 1} 个${kind}` };
}

function withNote<T extends object>(record: T, note: string | undefined): T & { note?: string } {
  return note === undefined ? record : { ...record, note };
}

function indicatorOf(raw: unknown, place: Place): PlanIndicator {
  const o = asObject(raw, place, '（整条）');
  return withNote(
    {
      id: text(o, 'id', place),
      seq: textOrNull(o, 'seq', place),
      name: text(o, 'name', place),
      domain: textOrNull(o, 'domain', place),
      unit: textOrNull(o, 'unit', place),
      baseline: numberOrNull(o, 'baseline', place),
      baselineText: textOrNull(o, 'baselineText', place),
      baselineYear: integerOrNull(o, 'baselineYear', place),
      target: text(o, 'target', place),
      comparator: oneOf(o, 'comparator', COMPARATORS, place),
      targetValue: numberOrNull(o, 'targetValue', place),
      targetYear: integer(o, 'targetYear', place),
      attribute: o['attribute'] === null ? null : oneOf(o, 'attribute', ATTRIBUTES, place),
      source: oneOf(o, 'source', SOURCES, place),
      line: integer(o, 'line', place),
      quote: text(o, 'quote', place),
      standardCode: textOrNull(o, 'standardCode', place),
    },
    optionalText(o, 'note', place)
  );
}

function fundingSourceOf(raw: unknown, place: Place): FundingSource {
  const o = asObject(raw, place, 'fundingSources');
  return { source: text(o, 'source', place), amount: numberOrNull(o, 'amount', place) };
}

function projectOf(raw: unknown, place: Place): PlanProject {
  const o = asObject(raw, place, '（整条）');
  return withNote(
    {
      id: text(o, 'id', place),
      name: text(o, 'name', place),
      column: textOrNull(o, 'column', place),
      content: text(o, 'content', place),
      investmentPlanned: numberOrNull(o, 'investmentPlanned', place),
      fundingSources: asArray(o['fundingSources'], place, 'fundingSources').map((f) => fundingSourceOf(f, place)),
      responsibleUnit: textOrNull(o, 'responsibleUnit', place),
      period: textOrNull(o, 'period', place),
      line: integer(o, 'line', place),
    },
    optionalText(o, 'note', place)
  );
}

function assertUniqueIds(file: string, kind: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) {
      throw new DataFileError(`数据文件 ${file} 中${kind} ${id} 重复出现`);
    }
    seen.add(id);
  }
}

export function parsePlan(raw: unknown, file: string): CountyPlan {
  const place: Place = { file, record: '规划' };
  const o = asObject(raw, place, '（文件）');
  const period = asObject(o['period'], place, 'period');
  const plan: CountyPlan = {
    countyCode: text(o, 'countyCode', place),
    countyName: text(o, 'countyName', place),
    title: text(o, 'title', place),
    seedFile: text(o, 'seedFile', place),
    period: { start: integer(period, 'start', place), end: integer(period, 'end', place) },
    indicators: asArray(o['indicators'], place, 'indicators').map((i, index) =>
      indicatorOf(i, placeOf(file, '指标', i, index))
    ),
    projects: asArray(o['projects'], place, 'projects').map((p, index) =>
      projectOf(p, placeOf(file, '项目', p, index))
    ),
  };
  assertUniqueIds(
    file,
    '指标',
    plan.indicators.map((i) => i.id)
  );
  assertUniqueIds(
    file,
    '项目',
    plan.projects.map((p) => p.id)
  );
  for (const record of [...plan.indicators, ...plan.projects]) {
    if (!record.id.startsWith(`${plan.countyCode}-`)) {
      throw new DataFileError(`数据文件 ${file} 中 ${record.id} 的编号应以县代码 ${plan.countyCode}- 开头`);
    }
  }
  return plan;
}

export function parseCatalog(raw: unknown, file: string): StandardIndicator[] {
  return asArray(raw, { file, record: '目录' }, '（文件）').map((entry, index) => {
    const code = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['code'] : undefined;
    const place: Place = { file, record: typeof code === 'string' ? `标准指标 ${code}` : `第 ${index + 1} 个标准指标` };
    const o = asObject(entry, place, '（整条）');
    return {
      code: text(o, 'code', place),
      name: text(o, 'name', place),
      unit: anyText(o, 'unit', place),
      direction: oneOf(o, 'direction', DIRECTIONS, place),
      kind: oneOf(o, 'kind', KINDS, place),
    };
  });
}

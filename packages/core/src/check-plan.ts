import { describeComparator } from './comparator-labels.js';
import type { DataQualityFinding, FindingKind } from './evaluation-types.js';
import { checkMonitoringValue } from './monitoring-value.js';
import { parseTarget } from './parse-target.js';
import type { Comparator, CountyPlan, PlanIndicator, StandardIndicator } from './plan.js';
import { indicatorDirection, resolveTarget } from './trajectory.js';

type Severity = DataQualityFinding['severity'];

/** Comparators whose number is an absolute value of the indicator (not a growth or a per-year step). */
const ABSOLUTE: ReadonlySet<Comparator> = new Set(['gte', 'lte', 'gt', 'lt', 'approx', 'within', 'eq', 'maintain']);

/** The name with the spelling differences that do not change its meaning removed. */
function normaliseName(name: string): string {
  return name.replace(/\s+|其中[：:]|常住|[（）()“”"、：:]/g, '');
}

/** The population base a ratio's name states (每千/每万/每10万人口), or null. */
function populationScale(name: string): number | null {
  const match = /每(十万|10万|万|千|百)/.exec(name.replace(/\s+/g, ''));
  if (!match) return null;
  const scales: Record<string, number> = { 百: 100, 千: 1000, 万: 10_000, 十万: 100_000, '10万': 100_000 };
  return scales[match[1] ?? ''] ?? null;
}

function sameTarget(a: PlanIndicator, b: PlanIndicator): boolean {
  // A bare number says nothing about the comparator, and 以内 is ≤.
  const canonical = (c: Comparator): Comparator => (c === 'within' ? 'lte' : c);
  const comparatorsAgree =
    a.comparator === 'eq' || b.comparator === 'eq' || canonical(a.comparator) === canonical(b.comparator);
  return comparatorsAgree && Math.abs((a.targetValue ?? NaN) - (b.targetValue ?? NaN)) < 1e-9;
}

function indicatorChecks(
  plan: CountyPlan,
  indicator: PlanIndicator,
  standard: StandardIndicator | undefined,
  table: PlanIndicator[]
): DataQualityFinding[] {
  const findings: DataQualityFinding[] = [];
  const at = `第${indicator.line}行“${indicator.name}”`;
  const add = (kind: FindingKind, severity: Severity, message: string, relatedLines: number[] = []): void => {
    findings.push({
      countyCode: plan.countyCode,
      indicatorId: indicator.id,
      projectId: null,
      kind,
      severity,
      message,
      line: indicator.line,
      relatedLines,
    });
  };

  if (indicator.source === 'table' && indicator.baseline === null) {
    add('missing_baseline', 'warning', `${at}缺少基线值（表中写作“${indicator.baselineText ?? '空白'}”）`);
  }

  const direction = indicatorDirection(indicator, standard?.direction);
  const target = resolveTarget(indicator);
  const { baseline } = indicator;
  if (baseline !== null && target !== null && direction !== null) {
    if (direction === 'up' ? target < baseline : target > baseline) {
      const better = direction === 'up' ? '越高越好' : '越低越好';
      add(
        'target_worse_than_baseline',
        'warning',
        `${at}目标“${indicator.target}”劣于${indicator.baselineYear ?? ''}年基线${baseline}（该指标${better}）`
      );
    }
  }

  const numbers = [baseline, ABSOLUTE.has(indicator.comparator) ? indicator.targetValue : null];
  for (const problem of numbers.map((n) => (n === null ? null : checkMonitoringValue(indicator, n)))) {
    if (problem !== null) add('implausible_value', 'error', `${at}：${problem}`);
  }

  const scale = populationScale(indicator.name);
  const standardScale = standard ? populationScale(standard.name) : null;
  if (standard && scale !== null && standardScale !== null && scale !== standardScale) {
    add(
      'implausible_unit',
      'error',
      `${at}按每${scale}人口计，但数值与标准指标“${standard.name}”（每${standardScale}人口）的量级相符，口径或单位有误`
    );
  }
  if (indicator.unit === null && /率|比例|占比|比重/.test(indicator.name) && numbers.some((n) => n !== null)) {
    add('implausible_unit', 'warning', `${at}是比率类指标，但未写单位`);
  }

  if (indicator.source === 'prose' && indicator.targetValue !== null) {
    const name = normaliseName(indicator.name);
    for (const row of table) {
      const same =
        (indicator.standardCode !== null && row.standardCode === indicator.standardCode) ||
        normaliseName(row.name) === name;
      if (same && row.targetYear === indicator.targetYear && row.targetValue !== null && !sameTarget(row, indicator)) {
        add(
          'contradicts_table',
          'error',
          `${at}正文目标“${indicator.target}”与第${row.line}行指标表“${row.name}”目标“${row.target}”不一致`,
          [row.line]
        );
      }
    }
  }

  const parsed = parseTarget(indicator.target);
  if (parsed.comparator !== indicator.comparator || parsed.targetValue !== indicator.targetValue) {
    add(
      'unparsed_target',
      'info',
      `${at}目标“${indicator.target}”自动解析为“${describeComparator(parsed.comparator, parsed.targetValue)}”，` +
        `与转录的“${describeComparator(indicator.comparator, indicator.targetValue)}”不一致，请核对`
    );
  }

  if (indicator.note !== undefined) add('transcriber_note', 'info', `${at}：${indicator.note}`);
  return findings;
}

function duplicateChecks(plan: CountyPlan): DataQualityFinding[] {
  const findings: DataQualityFinding[] = [];
  const add = (
    ids: { indicatorId: string | null; projectId: string | null },
    severity: Severity,
    message: string,
    line: number,
    first: number
  ): void => {
    findings.push({
      countyCode: plan.countyCode,
      ...ids,
      kind: 'duplicate',
      severity,
      message,
      line,
      relatedLines: [first],
    });
  };

  const items = [
    ...plan.indicators.map((i) => ({ item: i, ids: { indicatorId: i.id, projectId: null } })),
    ...plan.projects.map((p) => ({ item: p, ids: { indicatorId: null, projectId: p.id } })),
  ];
  const seenIds = new Map<string, number>();
  for (const { item, ids } of items) {
    const first = seenIds.get(item.id);
    if (first === undefined) seenIds.set(item.id, item.line);
    else add(ids, 'error', `编号${item.id}重复（第${first}行与第${item.line}行）`, item.line, first);
  }

  const seenTargets = new Map<string, PlanIndicator>();
  for (const indicator of plan.indicators) {
    // A prose sentence restating its table row is not a duplicate; the same target twice in one place is.
    const key = `${indicator.source}|${normaliseName(indicator.name)}|${indicator.target.replace(/\s+/g, '')}|${indicator.targetYear}`;
    const first = seenTargets.get(key);
    if (first === undefined) {
      seenTargets.set(key, indicator);
    } else {
      const message = `第${indicator.line}行“${indicator.name}”（目标“${indicator.target}”）与第${first.line}行${first.id}重复`;
      add({ indicatorId: indicator.id, projectId: null }, 'warning', message, indicator.line, first.line);
    }
  }
  return findings;
}

/**
 * Data-quality findings for a transcribed plan: missing baselines, targets worse than the baseline,
 * impossible values and units, prose that contradicts the indicator table, duplicates, targets whose
 * wording reads differently from the transcription, and the transcriber's notes. Sorted by line.
 */
export function checkPlan(plan: CountyPlan, catalog: StandardIndicator[]): DataQualityFinding[] {
  const standards = new Map(catalog.map((s) => [s.code, s]));
  const table = plan.indicators.filter((i) => i.source === 'table');
  const findings = [
    ...plan.indicators.flatMap((i) =>
      indicatorChecks(plan, i, i.standardCode === null ? undefined : standards.get(i.standardCode), table)
    ),
    ...duplicateChecks(plan),
    ...plan.projects.flatMap((p): DataQualityFinding[] =>
      p.note === undefined
        ? []
        : [
            {
              countyCode: plan.countyCode,
              indicatorId: null,
              projectId: p.id,
              kind: 'transcriber_note',
              severity: 'info',
              message: `第${p.line}行项目“${p.name}”：${p.note}`,
              line: p.line,
              relatedLines: [],
            },
          ]
    ),
  ];
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

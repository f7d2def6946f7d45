/**
 * Test input for the reports: 襄垣县's real plan (data/plans/140423.json) with hand-made evaluations,
 * values, findings and project progress, so the reports are exercised on real names, lines and units.
 */
import { readFileSync } from 'node:fs';
import type {
  CountyPlan,
  DataQualityFinding,
  IndicatorEvaluation,
  IndicatorStatus,
  IndicatorSummary,
  PlanProject,
  ProjectSummary,
  ReportKind,
} from '@chp/core';
import type { EvaluationReportInput } from './report-model.js';

export function loadXiangyuanPlan(): CountyPlan {
  const url = new URL('../../../data/plans/140423.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as CountyPlan;
}

interface HandEvaluation {
  status: IndicatorStatus;
  series: [number, number][];
  expected: number | null;
  gap: number | null;
  direction: 'up' | 'down' | null;
  reason: string;
}

/** Evaluations as the evaluator would state them for 2023, written by hand from the plan's baselines and targets. */
const HAND_EVALUATIONS: Record<string, HandEvaluation> = {
  '140423-T01': {
    status: 'achieved',
    series: [
      [2021, 1.6],
      [2022, 1.7],
      [2023, 1.8],
    ],
    expected: 3.61,
    gap: 1.81,
    direction: 'down',
    reason: '数值1.8‰在目标“5以内”范围内。',
  },
  '140423-T04': {
    status: 'at_risk',
    series: [
      [2021, 72],
      [2022, 76],
      [2023, 80],
    ],
    expected: 81.56,
    gap: -1.56,
    direction: 'up',
    reason: '数值80%低于预期进度81.56%，差距1.56个百分点。',
  },
  '140423-T05': {
    status: 'off_track',
    series: [
      [2021, 2.1],
      [2022, 1.9],
    ],
    expected: 3.42,
    gap: -1.52,
    direction: 'up',
    reason: '最新数值（2022年）1.9‰低于基期值2.37‰，变化方向与目标相反。',
  },
  '140423-T07': {
    status: 'achieved',
    series: [
      [2021, 96.1],
      [2022, 96.8],
      [2023, 97.2],
    ],
    expected: null,
    gap: null,
    direction: 'up',
    reason: '数值97.2达到目标“≥95”。',
  },
  '140423-T10': {
    status: 'off_track',
    series: [
      [2021, 89.5],
      [2022, 87.9],
      [2023, 86],
    ],
    expected: 90.1,
    gap: -4.1,
    direction: 'up',
    reason: '数值86%低于目标90%且逐年下降，约束性指标严重滞后。',
  },
  '140423-T11': {
    status: 'achieved',
    series: [[2023, 93.5]],
    expected: 88.11,
    gap: 5.39,
    direction: 'up',
    reason: '数值93.5%达到目标85%。',
  },
  '140423-T13': {
    status: 'at_risk',
    series: [
      [2022, 5.8],
      [2023, 5.9],
    ],
    expected: 6.74,
    gap: -0.84,
    direction: 'up',
    reason: '数值5.9张低于预期进度6.74张。',
  },
  '140423-T18': {
    status: 'off_track',
    series: [
      [2021, 1.8],
      [2022, 1.9],
      [2023, 2.1],
    ],
    expected: 2.78,
    gap: -0.68,
    direction: 'up',
    reason: '数值2.1人低于预期进度2.78人，差距超过预期增量的三分之一。',
  },
  '140423-T21': {
    status: 'on_track',
    series: [[2023, 74]],
    expected: 73.8,
    gap: 0.2,
    direction: 'up',
    reason: '数值74%高于预期进度73.8%。',
  },
  '140423-T22': {
    status: 'off_track',
    series: [
      [2022, 0.8],
      [2023, 1.2],
    ],
    expected: 2.48,
    gap: -1.28,
    direction: 'up',
    reason: '数值1.2个低于预期进度2.48个，按现有速度到2025年无法达到4个。',
  },
  '140423-T24': {
    status: 'on_track',
    series: [
      [2021, 79],
      [2022, 84],
      [2023, 89],
    ],
    expected: null,
    gap: null,
    direction: 'up',
    reason: '较基期值74元持续增长。',
  },
};

function evaluationFor(
  indicator: CountyPlan['indicators'][number],
  year: number
): Pick<IndicatorSummary, 'evaluation' | 'series'> {
  const hand = HAND_EVALUATIONS[indicator.id];
  const series = (hand?.series ?? [])
    .filter(([valueYear]) => valueYear <= year)
    .map(([valueYear, value]) => ({ year: valueYear, value }));
  const latest = series.at(-1) ?? null;
  const base: IndicatorEvaluation = {
    status: indicator.comparator === 'qualitative' ? 'not_assessable' : 'no_data',
    year,
    value: latest?.value ?? null,
    valueYear: latest?.year ?? null,
    valueSource: latest === null ? null : 'entered',
    expected: null,
    gap: null,
    resolvedTarget: indicator.targetValue,
    direction: null,
    bindingAlert: false,
    reason: indicator.comparator === 'qualitative' ? '定性目标，无法按数值评估。' : '尚无审核通过的数值。',
  };
  if (!hand) return { evaluation: base, series };
  const evaluation: IndicatorEvaluation = {
    ...base,
    status: hand.status,
    expected: hand.expected,
    gap: hand.gap,
    direction: hand.direction,
    bindingAlert: hand.status === 'off_track' && indicator.attribute === '约束性',
    reason: hand.reason,
  };
  return { evaluation, series };
}

/** One finding per transcriber's note, plus the contradictions a plan check reports. */
function handFindings(plan: CountyPlan): DataQualityFinding[] {
  const finding = (
    fields: Pick<DataQualityFinding, 'kind' | 'severity' | 'message' | 'line'> & Partial<DataQualityFinding>
  ): DataQualityFinding => ({
    countyCode: plan.countyCode,
    indicatorId: null,
    projectId: null,
    relatedLines: [],
    ...fields,
  });
  return [
    finding({
      indicatorId: '140423-T18',
      kind: 'contradicts_table',
      severity: 'warning',
      message: '正文目标“每万名居民有2名合格的全科医生”与指标表目标3.5不一致。',
      line: 364,
      relatedLines: [154],
    }),
    finding({
      indicatorId: '140423-T10',
      kind: 'target_worse_than_baseline',
      severity: 'error',
      message: '约束性目标90%低于2020年基线90.24%。',
      line: 141,
    }),
    ...plan.indicators.flatMap((indicator) =>
      indicator.note
        ? [
            finding({
              indicatorId: indicator.id,
              kind: 'transcriber_note',
              severity: 'info',
              message: indicator.note,
              line: indicator.line,
            }),
          ]
        : []
    ),
    ...plan.projects.flatMap((project) =>
      project.note
        ? [
            finding({
              projectId: project.id,
              kind: 'transcriber_note',
              severity: 'info',
              message: project.note,
              line: project.line,
            }),
          ]
        : []
    ),
  ];
}

function projectProgress(project: PlanProject): Omit<ProjectSummary, keyof PlanProject | 'countyCode'> {
  const updatedAt = '2024-01-15T08:00:00.000Z';
  switch (project.id) {
    case '140423-J10':
      return {
        status: 'in_progress',
        progressPct: 60,
        investmentToDate: 26000,
        updatedAt,
        milestones: [
          {
            id: 1,
            projectId: project.id,
            name: '主体结构封顶',
            dueDate: '2023-06-30',
            doneDate: '2023-05-20',
            note: null,
          },
          { id: 2, projectId: project.id, name: '竣工验收', dueDate: '2025-06-30', doneDate: null, note: null },
        ],
      };
    case '140423-J12':
      return { status: 'delayed', progressPct: 20, investmentToDate: 1500, updatedAt, milestones: [] };
    case '140423-J13':
      return { status: 'completed', progressPct: 100, investmentToDate: 5000, updatedAt, milestones: [] };
    default:
      return { status: 'not_started', progressPct: 0, investmentToDate: 0, updatedAt, milestones: [] };
  }
}

/** The report input for 襄垣县, evaluated in `year` (values exist up to 2023). */
export function xiangyuanReportInput(kind: ReportKind, year: number): EvaluationReportInput {
  const plan = loadXiangyuanPlan();
  const findings = handFindings(plan);
  return {
    kind,
    year,
    generatedAt: new Date('2024-03-01T02:00:00Z'),
    county: { countyCode: plan.countyCode, name: plan.countyName, provinceName: '山西省', cityName: '长治市' },
    plan: { title: plan.title, periodStart: plan.period.start, periodEnd: plan.period.end, seedFile: plan.seedFile },
    indicators: plan.indicators.map((indicator) => ({
      ...indicator,
      ...evaluationFor(indicator, year),
      countyCode: plan.countyCode,
      definitionType: 'entered',
      findingCount: findings.filter((finding) => finding.indicatorId === indicator.id).length,
    })),
    findings,
    projects: plan.projects.map((project) => ({
      ...project,
      countyCode: plan.countyCode,
      ...projectProgress(project),
    })),
  };
}

/**
 * The input with values computed from the registers for 襄垣县, written by hand: 婴儿死亡率 beside its
 * entered value, 5岁以下儿童死亡率 (nothing entered) evaluated on its computed value.
 */
export function withRegisterValues(input: EvaluationReportInput): EvaluationReportInput {
  const register = { unit: '‰', computedAt: '2024-02-29T16:30:00.000Z', orgUnit: '140423', orgUnitName: '襄垣县' };
  return {
    ...input,
    indicators: input.indicators.map((indicator): IndicatorSummary => {
      switch (indicator.id) {
        case '140423-T01':
          return {
            ...indicator,
            computed: { ...register, value: 2, numerator: 9, denominator: 4500, difference: 0.2 },
          };
        case '140423-T02':
          return {
            ...indicator,
            computed: { ...register, value: 3.1, numerator: 14, denominator: 4516, difference: null },
            evaluation: {
              ...indicator.evaluation,
              status: 'achieved',
              value: 3.1,
              valueYear: input.year,
              valueSource: 'computed',
              direction: 'down',
              reason: `${input.year}年登记数据计算值3.1‰，已达到目标5‰`,
            },
          };
        default:
          return indicator;
      }
    }),
  };
}

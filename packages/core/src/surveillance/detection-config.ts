/**
 * Which detection methods the daily run applies to a subject, and with which parameters: defaults by subject kind
 * merged with the subject's own settings (`surveillance_subject.detection`), validated before any series is read.
 *
 * Settings form: `{ "methods": { "moving-percentile": { "percentile": 90 }, "ears-c1": false } }` — an object
 * replaces the method's default parameters key by key (and enables the method), `false` disables it.
 */
import { parseCusumParams } from './cusum.js';
import type { RawParams } from './detection-params.js';
import { DETECTION_METHODS } from './detection-types.js';
import type { DetectionMethod } from './detection-types.js';
import { parseEarsParams } from './ears.js';
import { parseFarringtonParams } from './farrington-flexible.js';
import { parseImmediateSignalParams } from './fixed-threshold.js';
import { parseMovingPercentileParams } from './moving-percentile.js';

/** A method of the daily run: the algorithms plus the immediate (fixed-threshold) signal. */
export type RunMethod = DetectionMethod | 'immediate';

export const RUN_METHODS: readonly RunMethod[] = [...DETECTION_METHODS, 'immediate'];

/**
 * `immediate-disease`: 甲类, 乙类按甲类管理 or a local disease flagged immediate — one case alarms.
 * `disease`: other diseases from case cards. `signal`: a syndromic signal from one kind of site.
 */
export type SubjectKind = 'immediate-disease' | 'disease' | 'signal';

export interface MethodConfig {
  readonly method: RunMethod;
  readonly params: RawParams;
}

/** CIDARS default: P80 of the same 7 days in the 3 previous years and 2 weeks either side. */
const MOVING_PERCENTILE: MethodConfig = { method: 'moving-percentile', params: { b: 3, w: 2, percentile: 80 } };

export function defaultMethods(kind: SubjectKind): MethodConfig[] {
  switch (kind) {
    case 'immediate-disease':
      return [{ method: 'immediate', params: { threshold: 1 } }];
    case 'disease':
      return [
        MOVING_PERCENTILE,
        { method: 'ears-c1', params: {} },
        { method: 'ears-c2', params: {} },
        { method: 'ears-c3', params: {} },
        // m is estimated from the 28 days before the assessed week (see planDetection).
        { method: 'cusum', params: { baseline: 28 } },
        { method: 'farrington', params: { b: 3, w: 3 } },
      ];
    case 'signal':
      return [{ method: 'ears-c2', params: {} }, { method: 'ears-c3', params: {} }, MOVING_PERCENTILE];
  }
}

/** Throws the method's own Chinese message when `params` are not valid for it. */
function checkParams(method: RunMethod, params: RawParams): void {
  switch (method) {
    case 'ears-c1':
      parseEarsParams(params, 'C1');
      return;
    case 'ears-c2':
      parseEarsParams(params, 'C2');
      return;
    case 'ears-c3':
      parseEarsParams(params, 'C3');
      return;
    case 'cusum':
      parseCusumParams(params);
      return;
    case 'farrington':
      parseFarringtonParams(params, 52);
      return;
    case 'moving-percentile':
      parseMovingPercentileParams(params);
      return;
    case 'immediate':
      parseImmediateSignalParams(params);
      return;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The methods for a subject: the defaults of its kind with its settings applied; throws on invalid settings. */
export function subjectMethods(kind: SubjectKind, settings: unknown): MethodConfig[] {
  const methods = new Map(defaultMethods(kind).map((config) => [config.method, config.params]));
  if (settings !== null && settings !== undefined) {
    if (!isRecord(settings) || Object.keys(settings).some((key) => key !== 'methods') || !isRecord(settings.methods)) {
      throw new Error('预警设置无效：应为 {"methods": {方法: 参数对象或 false}}');
    }
    for (const [name, value] of Object.entries(settings.methods)) {
      const method = RUN_METHODS.find((candidate) => candidate === name);
      if (method === undefined) throw new Error(`未知的预警方法“${name}”：可用的方法为 ${RUN_METHODS.join('、')}`);
      if (value === false) {
        methods.delete(method);
      } else if (isRecord(value)) {
        if ('rangeStart' in value) throw new Error('参数 rangeStart 由每日运行按评估日期设定，不能在预警设置中指定');
        methods.set(method, { ...(methods.get(method) ?? {}), ...value });
      } else {
        throw new Error(`方法“${name}”的设置无效：应为参数对象或 false`);
      }
    }
  }
  const configs = [...methods].map(([method, params]) => ({ method, params }));
  for (const { method, params } of configs) checkParams(method, params);
  return configs;
}

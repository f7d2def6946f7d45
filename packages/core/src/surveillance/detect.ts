/**
 * One entry point for every detection method: validates the raw parameters (from JSON: a subject's settings or
 * `chp surveillance detect --params`) and runs the method. `frequency` may be given but must match the series.
 */
import { cusum, parseCusumParams } from './cusum.js';
import type { RawParams } from './detection-params.js';
import type { CountSeries, DetectionMethod, DetectionPoint } from './detection-types.js';
import { earsC, parseEarsParams } from './ears.js';
import { farringtonFlexible, parseFarringtonParams } from './farrington-flexible.js';
import { movingPercentile, parseMovingPercentileParams } from './moving-percentile.js';

function withoutFrequency(series: CountSeries, raw: RawParams): RawParams {
  const { frequency, ...rest } = raw;
  if (frequency !== undefined && frequency !== series.frequency) {
    const kind = series.frequency === 365 ? '日序列（365）' : '周序列（52）';
    throw new Error(`参数 frequency 的值 ${JSON.stringify(frequency)} 与数据不符：数据为${kind}`);
  }
  return rest;
}

export function detect(method: DetectionMethod, series: CountSeries, rawParams: RawParams): DetectionPoint[] {
  const raw = withoutFrequency(series, rawParams);
  switch (method) {
    case 'ears-c1':
      return earsC(series, parseEarsParams(raw, 'C1'));
    case 'ears-c2':
      return earsC(series, parseEarsParams(raw, 'C2'));
    case 'ears-c3':
      return earsC(series, parseEarsParams(raw, 'C3'));
    case 'cusum':
      return cusum(series, parseCusumParams(raw));
    case 'farrington':
      return farringtonFlexible(series, parseFarringtonParams(raw, series.frequency));
    case 'moving-percentile':
      return movingPercentile(series, parseMovingPercentileParams(raw));
  }
}

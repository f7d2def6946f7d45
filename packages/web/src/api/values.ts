import type { ImportResult, IndicatorDetailResponse, MonitoringValue, SaveValueRequest, ValueStatus } from '@chp/core';
import { buildUrl, request, upload } from './client.js';

export const getIndicator = (id: string, year?: number): Promise<IndicatorDetailResponse> =>
  request('GET', `/indicators/${encodeURIComponent(id)}`, undefined, { year });

export type RegionalReference = IndicatorDetailResponse['regionalReferences'][number];

/** Sets (or replaces) the reference value, e.g. 全区平均水平, an indicator's target is measured against in `year`. */
export const saveRegionalReference = (
  id: string,
  year: number,
  body: { value: number; sourceDocument?: string }
): Promise<RegionalReference> => request('PUT', `/indicators/${encodeURIComponent(id)}/references/${year}`, body);

export const saveValue = (body: SaveValueRequest): Promise<MonitoringValue> => request('POST', '/values', body);

export const submitValue = (id: number): Promise<MonitoringValue> => request('POST', `/values/${id}/submit`);

export const approveValue = (id: number): Promise<MonitoringValue> => request('POST', `/values/${id}/approve`);

export const returnValue = (id: number, reason: string): Promise<MonitoringValue> =>
  request('POST', `/values/${id}/return`, { reason });

export const listApprovals = (county?: string): Promise<MonitoringValue[]> =>
  request('GET', '/approvals', undefined, { county });

export const listCountyValues = (code: string, year?: number, status?: ValueStatus): Promise<MonitoringValue[]> =>
  request('GET', `/counties/${code}/values`, undefined, { year, status });

export const valueTemplateUrl = (code: string, year: number): string =>
  buildUrl(`/counties/${code}/values/template.xlsx`, { year });

export const importValues = (code: string, file: File, mode: ImportResult['mode']): Promise<ImportResult> => {
  const form = new FormData();
  form.append('file', file);
  return upload(`/counties/${code}/values/import`, form, { mode });
};

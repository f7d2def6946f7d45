import type { FacilityOption, ImportResult, RegisterKind, RegisterSummary } from '@chp/core';
import { buildUrl, request, upload } from './client.js';

export const listRegisterKinds = (): Promise<RegisterKind[]> => request('GET', '/registers');

export const getRegisterSummary = (code: string): Promise<RegisterSummary[]> =>
  request('GET', `/counties/${code}/registers/summary`);

/** The county's open facilities the user may report for (报告单位). */
export const listFacilityOptions = (code: string): Promise<FacilityOption[]> =>
  request('GET', `/counties/${code}/facilities`);

export const registerTemplateUrl = (code: string, kind: string): string =>
  buildUrl(`/counties/${code}/registers/${encodeURIComponent(kind)}/template.xlsx`);

/** Uploads one or more CSV/xlsx files of a register in one request, so mode 'all' covers them together. */
export const importRegister = (
  code: string,
  kind: string,
  files: readonly File[],
  mode: ImportResult['mode']
): Promise<ImportResult> => {
  const form = new FormData();
  for (const file of files) form.append('file', file);
  return upload(`/counties/${code}/registers/${encodeURIComponent(kind)}/import`, form, { mode });
};

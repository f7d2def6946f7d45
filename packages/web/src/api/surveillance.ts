/** The surveillance API (docs/surveillance.md); the shapes are core's, but for the epidemic curve (db's). */
import type {
  AlertDetail,
  CaseDuplicateInput,
  CaseReportDetail,
  CaseReportInput,
  CaseReportListQuery,
  CaseReportPage,
  CaseReportRevisionInput,
  CaseReportSaved,
  CaseTimelinessReport,
  DiseaseCatalogue,
  EmergencyEventSummary,
  AlertListResponse,
  AlertStatus,
  AlertSummary,
  ManualSignalInput,
  ResponseMetrics,
  SignalCountPage,
  SignalIngestResult,
  SignalSeries,
  SurveillanceSiteInput,
  SurveillanceSiteView,
} from '@chp/core';
import { request, upload } from './client.js';

export interface AlertQuery {
  status?: AlertStatus | undefined;
  grade?: string | undefined;
  township?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One period of the epidemic curve (cases by onset; the day, or the Monday starting the week). */
export interface EpicurvePoint {
  period: string;
  cases: number;
}

const base = (code: string): string => `/counties/${code}/surveillance`;

export const listDiseases = (code: string): Promise<DiseaseCatalogue> => request('GET', `${base(code)}/diseases`);

export const listCases = (code: string, query: CaseReportListQuery): Promise<CaseReportPage> =>
  request('GET', `${base(code)}/cases`, undefined, { ...query });

export const getCase = (code: string, id: number): Promise<CaseReportDetail> =>
  request('GET', `${base(code)}/cases/${id}`);

export const createCase = (code: string, input: CaseReportInput): Promise<CaseReportSaved> =>
  request('POST', `${base(code)}/cases`, input);

export const reviseCase = (code: string, id: number, input: CaseReportRevisionInput): Promise<CaseReportDetail> =>
  request('PUT', `${base(code)}/cases/${id}`, input);

export const reviewCase = (code: string, id: number): Promise<CaseReportDetail> =>
  request('POST', `${base(code)}/cases/${id}/review`, {});

export const deleteCase = (code: string, id: number, reason: string): Promise<CaseReportDetail> =>
  request('POST', `${base(code)}/cases/${id}/delete`, { reason });

export const markDuplicate = (code: string, id: number, input: CaseDuplicateInput): Promise<CaseReportDetail> =>
  request('POST', `${base(code)}/cases/${id}/duplicate-of`, input);

export const getTimeliness = (code: string, year: number): Promise<CaseTimelinessReport> =>
  request('GET', `${base(code)}/cases/timeliness`, undefined, { year });

export const listSites = (code: string): Promise<SurveillanceSiteView[]> => request('GET', `${base(code)}/sites`);

export const createSite = (code: string, input: SurveillanceSiteInput): Promise<SurveillanceSiteView> =>
  request('POST', `${base(code)}/sites`, input);

export const submitSignal = (code: string, input: ManualSignalInput): Promise<SignalIngestResult> =>
  request('POST', `${base(code)}/signals`, input);

export function importSignals(code: string, file: File): Promise<SignalIngestResult> {
  const form = new FormData();
  form.append('file', file);
  return upload(`${base(code)}/signals/import`, form);
}

/** The latest counts first (one page). */
export const listSignalCounts = (code: string, query: { signal?: string; site?: string }): Promise<SignalCountPage> =>
  request('GET', `${base(code)}/signals`, undefined, query);

export const getSignalSeries = (
  code: string,
  query: { signal: string; area: string; from: string; to: string }
): Promise<SignalSeries> => request('GET', `${base(code)}/signals/series`, undefined, query);

/** The latest runs, newest first (only the assessed date is read here). */
export const listDetectionRuns = (code: string, limit: number): Promise<{ assessedDate: string }[]> =>
  request('GET', `${base(code)}/detection/runs`, undefined, { limit });

export const runDetection = (code: string, date: string): Promise<unknown> =>
  request('POST', `${base(code)}/detection/runs`, { date });

export const listAlerts = (code: string, query: AlertQuery): Promise<AlertListResponse> =>
  request('GET', `${base(code)}/alerts`, undefined, { ...query });

export const getAlert = (code: string, id: number): Promise<AlertDetail> =>
  request('GET', `${base(code)}/alerts/${id}`);

export const transitionAlert = (code: string, id: number, to: AlertStatus, note: string): Promise<AlertSummary> =>
  request('POST', `${base(code)}/alerts/${id}/transition`, { to, note });

export const assignAlert = (code: string, id: number, assigneeId: number): Promise<AlertSummary> =>
  request('POST', `${base(code)}/alerts/${id}/assign`, { assigneeId });

export const addAlertNote = (code: string, id: number, note: string): Promise<unknown> =>
  request('POST', `${base(code)}/alerts/${id}/notes`, { note });

export const escalateAlert = (code: string, id: number, title: string): Promise<EmergencyEventSummary> =>
  request('POST', `${base(code)}/alerts/${id}/escalate`, { title: title || null });

export const getAlertMetrics = (code: string, from: string, to: string): Promise<ResponseMetrics> =>
  request('GET', `${base(code)}/alerts/metrics`, undefined, { from, to });

export const getEpicurve = (
  code: string,
  query: { disease?: string | undefined; township?: string | undefined; from: string; to: string; by: 'day' | 'week' }
): Promise<EpicurvePoint[]> => request('GET', `${base(code)}/epicurve`, undefined, query);

import type {
  ComparisonRow,
  ComputedIndicatorResponse,
  CountySummary,
  DashboardResponse,
  DataQualityFinding,
  OrgUnitNode,
} from '@chp/core';
import { request } from './client.js';

export const listCounties = (): Promise<CountySummary[]> => request('GET', '/counties');

export const addCounty = (countyCode: string): Promise<CountySummary> => request('POST', '/counties', { countyCode });

export const listOrgUnits = (parent?: string): Promise<OrgUnitNode[]> =>
  request('GET', '/org-units', undefined, { parent });

export const getDashboard = (code: string, year: number): Promise<DashboardResponse> =>
  request('GET', `/counties/${code}/dashboard`, undefined, { year });

export const listFindings = (code: string): Promise<DataQualityFinding[]> =>
  request('GET', `/counties/${code}/findings`);

export const getComparison = (year?: number): Promise<ComparisonRow[]> =>
  request('GET', '/comparison', undefined, { year });

export const listComputedIndicators = (code: string, year: number): Promise<ComputedIndicatorResponse[]> =>
  request('GET', `/counties/${code}/computed-indicators`, undefined, { year });

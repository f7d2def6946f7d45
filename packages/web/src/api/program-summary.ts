import type { ProgramSummaryResponse } from '@chp/core';
import { request } from './client.js';

/** Per programme and township: enrolled, visits in the year, due and overdue items (slow county-wide). */
export const getProgramSummary = (code: string, year: number, township: string): Promise<ProgramSummaryResponse> =>
  request('GET', `/counties/${code}/programs/summary`, undefined, { year, township });

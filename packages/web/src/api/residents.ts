import type {
  ResidentAccessEntry,
  ResidentDetail,
  ResidentSearchQuery,
  ResidentSearchResult,
  TimelineItem,
} from '@chp/core';
import { request } from './client.js';

export const searchResidents = (code: string, query: ResidentSearchQuery): Promise<ResidentSearchResult> =>
  request('GET', `/counties/${code}/residents`, undefined, { ...query });

/** The record; with `identify` the full ID number (needs record.identify, audited as such). */
export const getResident = (code: string, id: number, identify = false): Promise<ResidentDetail> =>
  request('GET', `/counties/${code}/residents/${id}`, undefined, identify ? { identify: '1' } : undefined);

export const getResidentTimeline = (code: string, id: number): Promise<TimelineItem[]> =>
  request('GET', `/counties/${code}/residents/${id}/timeline`);

export const getResidentAccessLog = (code: string, id: number): Promise<ResidentAccessEntry[]> =>
  request('GET', `/counties/${code}/residents/${id}/access-log`);

import type {
  FollowUpInput,
  ProgramCode,
  ProgramEnrolment,
  ResidentDueResponse,
  SavedFollowUpResponse,
  WorklistResponse,
} from '@chp/core';
import { request } from './client.js';

export const listEnrolments = (code: string, id: number): Promise<ProgramEnrolment[]> =>
  request('GET', `/counties/${code}/residents/${id}/enrolments`);

export const getResidentDue = (code: string, id: number): Promise<ResidentDueResponse> =>
  request('GET', `/counties/${code}/residents/${id}/due`);

export const recordFollowUp = (code: string, id: number, input: FollowUpInput): Promise<SavedFollowUpResponse> =>
  request('POST', `/counties/${code}/residents/${id}/follow-ups`, input);

export interface WorklistQuery {
  program?: ProgramCode | 'immunisation';
  township?: string;
  village?: string;
}

export const getWorklist = (code: string, query: WorklistQuery): Promise<WorklistResponse> =>
  request('GET', `/counties/${code}/worklist`, undefined, { ...query });

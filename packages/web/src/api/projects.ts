import type { Milestone, ProjectSummary, ReportKind, UpdateProjectRequest } from '@chp/core';
import { buildUrl, request } from './client.js';

export const listProjects = (code: string): Promise<ProjectSummary[]> => request('GET', `/counties/${code}/projects`);

export const updateProject = (id: string, body: UpdateProjectRequest): Promise<ProjectSummary> =>
  request('PATCH', `/projects/${encodeURIComponent(id)}`, body);

export const addMilestone = (
  projectId: string,
  body: { name: string; dueDate?: string; note?: string }
): Promise<Milestone> => request('POST', `/projects/${encodeURIComponent(projectId)}/milestones`, body);

export const updateMilestone = (id: number, body: { doneDate?: string; note?: string }): Promise<Milestone> =>
  request('PATCH', `/milestones/${id}`, body);

export const reportUrl = (code: string, kind: ReportKind, year: number, format: 'docx' | 'xlsx'): string =>
  buildUrl(`/counties/${code}/reports/${kind}`, { year, format });

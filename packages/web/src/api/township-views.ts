import type { ComputedTrendResponse, TownshipBoundariesResponse, TownshipBoundaryReport } from '@chp/core';
import { request, sendText } from './client.js';

export const getComputedTrend = (
  code: string,
  indicator: string,
  from: number,
  to: number
): Promise<ComputedTrendResponse> =>
  request('GET', `/counties/${code}/computed-indicators/trend`, undefined, { indicator, from, to });

/** The county's township boundaries, or null when none are uploaded (the API answers 204). */
export async function getTownshipBoundaries(code: string): Promise<TownshipBoundariesResponse | null> {
  return (
    (await request<TownshipBoundariesResponse | undefined>('GET', `/counties/${code}/township-boundaries`)) ?? null
  );
}

export const uploadTownshipBoundaries = (code: string, text: string): Promise<TownshipBoundaryReport> =>
  sendText('PUT', `/counties/${code}/township-boundaries`, text, 'application/geo+json');

export const deleteTownshipBoundaries = (code: string): Promise<void> =>
  request('DELETE', `/counties/${code}/township-boundaries`);

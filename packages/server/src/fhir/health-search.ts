/**
 * What the health-record FHIR searches share: the reader's resident scope over all counties (as the REST
 * API computes it per county), paging with _count/_offset, and the patient (or subject) parameter.
 */
import { listInstalledCountyCodes } from '@chp/db';
import type { Db, RecordPage, ResidentScope } from '@chp/db';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../auth/auth-user.js';
import { residentScopeOf } from '../health/resident-scope.js';
import { searchset } from './bundle.js';
import type { FhirResource } from './systems.js';
import { selfUrl } from './systems.js';

export const pagingQuery = {
  _count: z.coerce.number().int().min(1).max(200).default(50),
  _offset: z.coerce.number().int().min(0).default(0),
};

/** `Patient/<id>` or a bare id. */
export const patientParam = z
  .string()
  .regex(/^(Patient\/)?\d{1,15}$/, 'patient 应为 Patient/<编号>')
  .transform((value) => Number(value.replace('Patient/', '')))
  .optional();

/** The areas, in every installed county, where the user may read health records. */
export async function recordReadScope(db: Db, request: FastifyRequest): Promise<ResidentScope> {
  const user = requireUser(request);
  const counties = await listInstalledCountyCodes(db);
  return counties.flatMap((county) => residentScopeOf(user, 'record.read', county));
}

export function pageOf(query: { _count: number; _offset: number }): RecordPage {
  return { count: query._count, offset: query._offset };
}

/** A page of results as a searchset with the total and, when more remain, the next page's link. */
export function pagedSearchset(
  request: FastifyRequest,
  resources: FhirResource[],
  page: RecordPage,
  total: number
): FhirResource {
  const self = selfUrl(request);
  const nextOffset = page.offset + page.count;
  let nextUrl: string | null = null;
  if (nextOffset < total) {
    const url = new URL(self);
    url.searchParams.set('_offset', String(nextOffset));
    url.searchParams.set('_count', String(page.count));
    nextUrl = url.toString();
  }
  return searchset(resources, self, { total, nextUrl });
}

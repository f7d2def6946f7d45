/** Search results as a FHIR searchset Bundle. */
import type { FhirResource } from './systems.js';

/** `paging` gives the total over all pages and the next page's URL, when the results are paged. */
export function searchset(
  resources: FhirResource[],
  selfUrl: string,
  paging?: { total: number; nextUrl: string | null }
): FhirResource {
  const next = paging?.nextUrl ? [{ relation: 'next', url: paging.nextUrl }] : [];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: paging?.total ?? resources.length,
    link: [{ relation: 'self', url: selfUrl }, ...next],
    entry: resources.map((resource) => ({
      fullUrl: `${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: 'match' },
    })),
  };
}

/** An error as an OperationOutcome, the FHIR way to answer a failed request. */
export function operationOutcome(status: number, message: string): FhirResource {
  const code =
    status === 404
      ? 'not-found'
      : status === 401
        ? 'login'
        : status === 403
          ? 'forbidden'
          : status < 500
            ? 'invalid'
            : 'exception';
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics: message }] };
}

/** Resources sent together outside a search (e.g. a case report card's Patient, Condition and Encounter). */
export function collection(resources: FhirResource[]): FhirResource {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: new Date().toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id ?? ''}`, resource })),
  };
}

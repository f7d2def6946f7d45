/** Hand-made detection results for alert tests. */
import type { Db } from '../../connection.js';
import { detectionResult } from '../../schema.js';

export const COUNTY = '360121';
export const TOWN_A = '360121100';
export const TOWN_B = '360121101';

export interface TestResult {
  date: string;
  subject?: string;
  source: string;
  area?: string;
  method?: string;
  alarm?: boolean;
}

export async function addResults(db: Db, results: readonly TestResult[]): Promise<void> {
  await db.insert(detectionResult).values(
    results.map((r) => ({
      countyCode: COUNTY,
      assessedDate: r.date,
      subject: r.subject ?? 'fever',
      source: r.source,
      areaCode: r.area ?? TOWN_A,
      method: r.method ?? 'ears-c1',
      observed: 9,
      upperbound: 4,
      alarm: r.alarm ?? true,
      runId: 1,
    }))
  );
}

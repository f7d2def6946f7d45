/** The per-county figures of data/demo/counties.json: plan-stated counts and census populations, with sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirectory } from '../../plans/plan-files.js';

export interface SourcedFigure {
  value: number;
  /** A line of the plan text, the census bulletin, or "assumption: …". */
  source: string;
}

export interface CountyFigures {
  name: string;
  residents2020?: SourcedFigure;
  townshipHealthCenters?: SourcedFigure;
  villageClinics?: SourcedFigure;
  privateHospitals?: SourcedFigure;
}

/** The figures for a county; none (an empty record) for a county the file does not list. */
export function readCountyFigures(countyCode: string): Partial<CountyFigures> {
  const text = readFileSync(join(dataDirectory(), 'demo', 'counties.json'), 'utf8');
  const file = JSON.parse(text) as { counties: Record<string, CountyFigures | undefined> };
  return file.counties[countyCode] ?? {};
}

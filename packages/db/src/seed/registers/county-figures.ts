/** The per-county figures of data/demo/counties.json: plan-stated counts and census populations, with sources. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDirectory } from '../../plans/plan-files.js';

export interface SourcedFigure {
  value: number;
  /** A line of the plan text, the census bulletin, or "assumption: …". */
  source: string;
}

/** The year the per-1,000 figures describe: the end of the 十三五 period, the plans' baseline. */
export const FIGURES_YEAR = 2020;

export interface CountyFigures {
  name: string;
  residents2020?: SourcedFigure;
  /** Facility and staff counts, which the generator uses whatever the scale. */
  townshipHealthCenters?: SourcedFigure;
  villageClinics?: SourcedFigure;
  /** 村卫生所、个体诊所和医务室. */
  clinics?: SourcedFigure;
  privateHospitals?: SourcedFigure;
  villageDoctors?: SourcedFigure;
  /** Per 1,000 residents in FIGURES_YEAR; the generator keeps the national trend through that point. */
  bedsPer1000?: SourcedFigure;
  doctorsPer1000?: SourcedFigure;
  nursesPer1000?: SourcedFigure;
}

/** The figures for a county; none (an empty record) for a county the file does not list. */
export function readCountyFigures(countyCode: string): Partial<CountyFigures> {
  const text = readFileSync(join(dataDirectory(), 'demo', 'counties.json'), 'utf8');
  const file = JSON.parse(text) as { counties: Record<string, CountyFigures | undefined> };
  return file.counties[countyCode] ?? {};
}

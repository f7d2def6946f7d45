import { useMemo } from 'react';
import { SYNDROME_LABELS, isSyndromeCode } from '@chp/core';
import type { Disease, OrgUnitNode } from '@chp/core';
import { listOrgUnits } from '../api/counties.js';
import { listDiseases } from '../api/surveillance.js';
import { useAsync } from '../lib/use-async.js';
import type { AsyncState } from '../lib/use-async.js';

export interface SurveillanceNames {
  diseases: AsyncState<Disease[]>;
  townships: AsyncState<OrgUnitNode[]>;
  /** A disease or signal code's name (the code itself while the catalogue loads or when unknown). */
  subjectName: (code: string) => string;
  /** A township's name, 全县 for the county itself. */
  areaName: (code: string) => string;
}

/** The disease catalogue and the county's townships, which every surveillance page names codes with. */
export function useSurveillanceNames(county: string): SurveillanceNames {
  const diseases = useAsync(() => listDiseases(county), [county]);
  const townships = useAsync(() => listOrgUnits(county), [county]);
  // Stable while the lists are unchanged, so charts built from the names redraw only when they change.
  const names = useMemo(
    () => ({
      subjectName: (code: string): string =>
        isSyndromeCode(code) ? SYNDROME_LABELS[code] : (diseases.data?.find((d) => d.code === code)?.name ?? code),
      areaName: (code: string): string =>
        code === county ? '全县' : (townships.data?.find((u) => u.code === code)?.name ?? code),
    }),
    [county, diseases.data, townships.data]
  );
  return { diseases, townships, ...names };
}

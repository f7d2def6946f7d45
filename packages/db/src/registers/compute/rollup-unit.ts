/** A row of an aggregate grouped by ROLLUP(org unit): `isTotal` 1 on the grand-total row. */
export type RollupRow = {
  unit: string | null;
  isTotal: number;
};

/**
 * The org unit a ROLLUP row is about: the county for the grand total; null for a row of the county's own
 * code, which is only part of the county's total (facilities and events coded to the county itself).
 */
export function rollupUnit(row: RollupRow, countyCode: string): string | null {
  if (row.isTotal === 1) return countyCode;
  return row.unit === countyCode ? null : row.unit;
}

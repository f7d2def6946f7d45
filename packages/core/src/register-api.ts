/** The register import API's responses (GET /api/v1/registers and …/registers/summary). */

export interface RegisterColumn {
  /** The Chinese header of the template and of the files to import. */
  header: string;
  /** Whether a file must have the column (a row may still leave an optional cell empty). */
  required: boolean;
}

export interface RegisterKind {
  /** The kind in URLs and on the command line, e.g. 'births'. */
  kind: string;
  /** 中文名, e.g. 出生登记. */
  name: string;
  columns: RegisterColumn[];
}

export interface RegisterSummary {
  kind: string;
  name: string;
  /** Records the county's register holds. */
  records: number;
  /** The years the records cover, ascending; null for a register whose records have no year. */
  years: number[] | null;
}

/** A facility to pick in a form (GET /counties/:code/facilities). */
export interface FacilityOption {
  id: number;
  name: string;
  facilityType: string;
  /** The township, or the county for county-level facilities. */
  orgUnitCode: string;
}

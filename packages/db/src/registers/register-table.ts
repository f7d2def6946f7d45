/**
 * A table read from an import file — a CSV file or one sheet of a workbook — as text cells with the row
 * numbers the user sees (the header is row 1). The register imports validate these; readers of other
 * formats (the workbook reader in @chp/reports) produce the same shape.
 */
export interface RegisterTableRow {
  row: number;
  /** Trimmed cell texts in column order; null for an empty cell. */
  cells: (string | null)[];
}

export interface RegisterTable {
  file: string;
  /** The worksheet name; '' for a CSV file. */
  sheet: string;
  header: string[];
  rows: RegisterTableRow[];
}

/** Column letter of a 0-based column index (0 → A, 26 → AA), as spreadsheets name columns. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

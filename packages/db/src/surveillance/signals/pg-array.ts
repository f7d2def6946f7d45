/**
 * A PostgreSQL array literal sent as one text parameter and cast in SQL (`$1::int[]`): one parameter per
 * column instead of one per value keeps a chunk of thousands of rows under the protocol's parameter limit
 * and works the same on PGlite and node-postgres.
 */
export function pgArrayLiteral(values: readonly (string | number)[]): string {
  const items = values.map((value) =>
    typeof value === 'number' ? String(value) : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`
  );
  return `{${items.join(',')}}`;
}

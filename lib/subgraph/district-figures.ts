/**
 * District figures (docs/streets.md): each subgraph counts its own figures per street in one
 * statement however many streets there are, and the district's totals are the sums over every
 * street of the same one statement.
 */
export const DISTRICT_ID = 'district';

/** The district's totals of numeric figures: the sum over the rows of every street. */
export function sumFigures<Row extends object, Field extends keyof Row>(rows: readonly Row[], fields: readonly Field[]): Record<Field, number> {
  const totals = {} as Record<Field, number>;
  for (const field of fields) totals[field] = rows.reduce<number>((sum, row) => sum + Number(row[field]), 0);
  return totals;
}

/**
 * Array literals for parameters cast in the statement (`${intArray(ids)}::int[]`): one text parameter each, which
 * postgres.js and PGlite both pass the same way.
 */
export const intArray = (values: (number | string)[]) => `{${values.join(',')}}`;
export const isoArray = (dates: Date[]) => `{${dates.map((d) => d.toISOString()).join(',')}}`;

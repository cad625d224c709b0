// The board filter lives in the address (`?filter=`), so a link or a wall URL carries the slice
// it shows, and a reload keeps it. Only this parameter is touched; wall settings stay as they are.

export const FILTER_PARAM = 'filter';

/** The filter in a page address's query, '' when there is none. */
export function filterInSearch(search: string): string {
  return new URLSearchParams(search).get(FILTER_PARAM) ?? '';
}

/** The address with `filter` set (or removed when empty), everything else kept. */
export function withFilter(href: string, filter: string): string {
  const url = new URL(href);
  if (filter.trim() === '') url.searchParams.delete(FILTER_PARAM);
  else url.searchParams.set(FILTER_PARAM, filter);
  return url.toString();
}

// The one URL policy lives in shared/ so the hub applies it to alert links at ingest and the
// console applies it again to everything it shows (notes, runbooks, links stored before).
export { safeHost, safeHref } from '../../shared/text/link-safety';

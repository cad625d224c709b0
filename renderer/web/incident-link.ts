// Messages (pages, Slack, Teams, email) link to an incident as `<console>/?incident=INC-4`. At
// start the console opens that incident, then drops the parameter from the address so a reload
// or a bookmark lands on the board again. Anything that is not an incident id is ignored.

const INCIDENT_PARAMETER = 'incident';
const INCIDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface LinkedIncident {
  readonly incidentId: string;
  /** The address without the parameter. */
  readonly cleanUrl: string;
}

/** The incident an address links to, or null. */
export function incidentFromAddress(href: string): LinkedIncident | null {
  const url = new URL(href);
  const id = url.searchParams.get(INCIDENT_PARAMETER);
  if (id === null) return null;
  url.searchParams.delete(INCIDENT_PARAMETER);
  return INCIDENT_ID.test(id) ? { incidentId: id, cleanUrl: url.href } : null;
}

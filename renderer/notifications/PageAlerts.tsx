import { SeverityBadge } from '../board/SeverityBadge';
import { useSession } from '../session/session-store';
import { useBoardStore } from '../state/board-store';
import { openIncident } from '../state/view-store';
import { Untrusted } from '../text/Untrusted';
import { dismissPageAlert, usePageAlertsStore } from './page-alerts-store';
import { isAnswered, type PageAlert, pageLevelText } from './pages-for-me';

/**
 * "You are paged" alerts for the person signed in, one per incident, over whatever view is open.
 * Each stays until dismissed or until the incident is acknowledged (or resolved).
 */
export function PageAlerts() {
  const userId = useSession()?.user.id ?? null;
  const alerts = usePageAlertsStore((state) => (state.userId === userId ? state.alerts : NONE));
  if (alerts.length === 0) return null;
  return (
    <div className="page-alerts" data-testid="page-alerts">
      {alerts.map((alert) => (
        <PageAlertToast key={alert.incidentId} alert={alert} />
      ))}
    </div>
  );
}

const NONE: ReadonlyArray<PageAlert> = [];

function PageAlertToast({ alert }: { readonly alert: PageAlert }) {
  const incident = useBoardStore((state) => state.rows.get(alert.incidentId));
  // The notifier prunes answered alerts when the next events arrive; an acknowledgement made at
  // this console hides its alert at once, before the hub has confirmed it.
  if (isAnswered(alert, incident)) return null;
  return (
    <div className="page-alert" role="alert" data-incident-id={alert.incidentId}>
      <p className="page-alert__title">
        You are paged: <span className="page-alert__level">{pageLevelText(alert)}</span>
      </p>
      <p className="page-alert__incident">
        {incident ? <SeverityBadge severity={incident.severity} /> : null}{' '}
        <span className="page-alert__id">{alert.incidentId}</span> <Untrusted text={incident?.title ?? ''} />
      </p>
      <div className="page-alert__buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={() => openIncident(alert.incidentId)}
        >
          Open {alert.incidentId}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => dismissPageAlert(alert.incidentId)}
        >
          Dismiss
        </button>
      </div>
    </div>
  );
}

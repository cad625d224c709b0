import { alertmanagerReceiverSnippet, pagerdutyInstructions } from './ingest-snippets';
import { PlayDemoButton } from './PlayDemoButton';
import { useHubInfo } from './use-hub-info';

/** The board with no incidents at all: how to connect monitoring, or try the demo. */
export function EmptyState() {
  const hub = useHubInfo();
  return (
    <section className="empty-state" data-testid="empty-state" aria-labelledby="empty-heading">
      <h2 id="empty-heading" className="empty-state__title">
        No incidents yet — connect your monitoring
      </h2>
      {/* A hub running an organisation's own configuration does not offer it: demo alerts would page its people.
          First, above the snippets: below them it was under the fold of a 1600x900 console. */}
      {hub.kind === 'loaded' && !hub.info.demoAvailable ? null : (
        <PlayDemoButton alreadyRunning={hub.kind === 'loaded' && hub.info.demoRunning} />
      )}
      {hub.kind === 'loading' ? <p>Asking the hub for its ingest addresses…</p> : null}
      {hub.kind === 'failed' ? (
        <p className="empty-state__error">Could not reach the hub: {hub.message}</p>
      ) : null}
      {hub.kind === 'loaded' ? (
        <div className="empty-state__integrations">
          <article className="empty-state__integration">
            <h3>Prometheus Alertmanager</h3>
            <p>
              Add this receiver to <code>alertmanager.yml</code> and reload Alertmanager:
            </p>
            <pre className="empty-state__snippet" data-testid="alertmanager-snippet">
              <code>{alertmanagerReceiverSnippet(hub.info)}</code>
            </pre>
          </article>
          <article className="empty-state__integration">
            <h3>PagerDuty Events API v2</h3>
            <p>Point any Events v2 sender (Zabbix, Grafana, scripts) at:</p>
            <p className="empty-state__url" data-testid="pagerduty-url">
              <code>{hub.info.ingest.pagerdutyEnqueue}</code>
            </p>
            <p>
              or <code>{hub.info.ingest.pagerduty}</code>. {pagerdutyInstructions(hub.info)}
            </p>
          </article>
        </div>
      ) : null}
    </section>
  );
}

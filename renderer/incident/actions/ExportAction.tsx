import { useState } from 'react';
import type { ExportFormat } from '../../../shared/api';
import { useSitroomApi } from '../../api-context';
import { errorMessage } from '../../error-message';
import { hubUnreachable } from '../../hub-unreachable';
import { commandBinding } from '../../keyboard/command-catalog';
import { useCommandKeys } from '../../keyboard/keymap-prefs';
import { useKeymap } from '../../keyboard/use-keymap';
import { ExportDialog } from '../dialogs/ExportDialog';
import { ActionButton } from './ActionButton';

/**
 * "Export timeline" (x): any signed-in role may take the record away, wall displays included, so
 * it sits apart from the actions that change the incident.
 */
export function ExportAction({ incidentId }: { readonly incidentId: string }) {
  const api = useSitroomApi();
  const [asking, setAsking] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const ask = (): void => setAsking(true);
  useKeymap('incident', [commandBinding('incident.export', ask)]);
  const [exportKey] = useCommandKeys('incident.export');

  const start = (format: ExportFormat, timeZone: string): void => {
    setAsking(false);
    setExporting(true);
    setStatus(`Exporting ${incidentId} (${format.toUpperCase()}, ${timeZone})…`);
    api.exportTimeline(incidentId, format, timeZone).then(
      (result) => {
        setExporting(false);
        setStatus(result.saved ? `Exported to ${result.location ?? 'a file'}.` : 'Export cancelled.');
      },
      (error: unknown) => {
        setExporting(false);
        setStatus(`Could not export the timeline: ${exportFailure(error)}`);
      },
    );
  };

  return (
    <div className="export-action">
      <ActionButton
        label="Export timeline"
        keyName={exportKey}
        asks
        availability={{ kind: 'enabled' }}
        pending={exporting}
        onRun={ask}
        onRefuse={setStatus}
      />
      <p role="status" className="export-action__status">
        {status}
      </p>
      {asking ? (
        <ExportDialog incidentId={incidentId} onExport={start} onClose={() => setAsking(false)} />
      ) : null}
    </div>
  );
}

/** Why an export failed, in words an operator can act on; the hub's own refusals already are. */
function exportFailure(error: unknown): string {
  return hubUnreachable(error)
    ? 'the hub cannot be reached. Try again once the console is live.'
    : errorMessage(error);
}

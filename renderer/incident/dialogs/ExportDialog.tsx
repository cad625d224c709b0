import { type FormEvent, useMemo, useRef, useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/api';
import { Dialog } from '../../dialog/Dialog';
import { KeyHint } from '../../keyboard/KeyHint';
import { browserTimeZone, exportTimeZones } from './time-zones';

const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  md: 'Markdown (.md) — for the post-incident review',
  csv: 'CSV (.csv) — for spreadsheets',
  json: 'JSON (.json) — for scripts',
  html: 'HTML (.html) — a standalone page',
  pdf: 'PDF — print or save as PDF',
};

export interface ExportDialogProps {
  readonly incidentId: string;
  readonly onExport: (format: ExportFormat, timeZone: string) => void;
  readonly onClose: () => void;
}

/** Picks a format and a time zone (UTC unless changed) for the timeline export. Enter exports. */
export function ExportDialog({ incidentId, onExport, onClose }: ExportDialogProps) {
  const [format, setFormat] = useState<ExportFormat>('md');
  const [timeZone, setTimeZone] = useState('UTC');
  const zones = useMemo(() => exportTimeZones(browserTimeZone()), []);
  const firstField = useRef<HTMLSelectElement>(null);
  const own = browserTimeZone();
  const submit = (event?: FormEvent): void => {
    event?.preventDefault();
    onExport(format, timeZone);
  };
  return (
    <Dialog
      title={`Export ${incidentId} timeline`}
      onClose={onClose}
      initialFocus={firstField}
      // Enter exports from the pickers too: a closed <select> has no use for it.
      keys={[{ keys: ['Enter'], description: 'Export', run: submit, whileTyping: true }]}
      className="export-dialog"
    >
      <form onSubmit={submit}>
        <label className="field">
          <span className="field__label">Format</span>
          <select
            ref={firstField}
            className="field__input"
            value={format}
            onChange={(event) =>
              setFormat(EXPORT_FORMATS.find((value) => value === event.target.value) ?? 'md')
            }
          >
            {EXPORT_FORMATS.map((value) => (
              <option key={value} value={value}>
                {FORMAT_NAMES[value]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">Time zone</span>
          <select
            className="field__input"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone === own && zone !== 'UTC' ? `${zone} (this console)` : zone}
              </option>
            ))}
          </select>
        </label>
        <div className="dialog__buttons">
          <button type="submit" className="button button--primary">
            Export <KeyHint chord="Enter" />
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel <KeyHint chord="Escape" />
          </button>
        </div>
      </form>
    </Dialog>
  );
}

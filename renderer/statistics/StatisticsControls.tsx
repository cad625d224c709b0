import { type FormEvent, type RefObject, useState } from 'react';
import type { StatisticsBucket } from '../../shared/metrics/report';
import { exportTimeZones } from '../incident/dialogs/time-zones';
import type { CommandId } from '../keyboard/command-catalog';
import { KeyHint } from '../keyboard/KeyHint';
import { useCommandKeys } from '../keyboard/keymap-prefs';
import { zoneLabel } from './statistics-format';
import { checkCustomRange, RANGE_PRESETS, type RangeChoice } from './statistics-range';

interface StatisticsControlsProps {
  readonly choice: RangeChoice;
  readonly bucket: StatisticsBucket;
  readonly timeZone: string;
  readonly consoleZone: string;
  /** The dates the custom form starts from (the range on screen). */
  readonly customDates: { readonly from: string; readonly to: string };
  /** True while the custom form is shown (chosen, or asked for with its key). */
  readonly customOpen: boolean;
  readonly fromInput: RefObject<HTMLInputElement | null>;
  readonly onChoose: (choice: RangeChoice) => void;
  readonly onBucket: (bucket: StatisticsBucket) => void;
  /** False for ranges over 400 days, which the hub counts only by week. */
  readonly daysAllowed: boolean;
  readonly onTimeZone: (timeZone: string) => void;
  readonly onOpenCustom: () => void;
}

/** The operator's key for a command, printed on its control. */
export function CommandHint({ id }: { readonly id: CommandId }) {
  const keys = useCommandKeys(id);
  return keys[0] === undefined ? null : <KeyHint chord={keys[0]} />;
}

/** Range presets, custom dates, day or week, and the zone days start in. */
export function StatisticsControls(props: StatisticsControlsProps) {
  const { choice, bucket, timeZone, consoleZone, customOpen } = props;
  const zones = exportTimeZones(consoleZone);
  return (
    <div className="statistics-controls" data-testid="statistics-controls">
      <fieldset className="statistics-controls__group">
        <legend className="statistics-controls__legend">
          Range <CommandHint id="statistics.range-previous" /> <CommandHint id="statistics.range-next" />
        </legend>
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="statistics-toggle"
            aria-pressed={choice.kind === 'preset' && choice.preset === preset.id}
            onClick={() => props.onChoose({ kind: 'preset', preset: preset.id })}
          >
            {preset.label}
          </button>
        ))}
        <button
          type="button"
          className="statistics-toggle"
          aria-pressed={choice.kind === 'custom'}
          aria-expanded={customOpen}
          onClick={props.onOpenCustom}
        >
          Custom… <CommandHint id="statistics.custom" />
        </button>
      </fieldset>
      <fieldset className="statistics-controls__group">
        <legend className="statistics-controls__legend">
          Per <CommandHint id="statistics.bucket" />
        </legend>
        {(['day', 'week'] as const).map((value) => (
          <button
            key={value}
            type="button"
            className="statistics-toggle"
            aria-pressed={bucket === value}
            aria-disabled={value === 'day' && !props.daysAllowed}
            title={
              value === 'day' && !props.daysAllowed ? 'Ranges over 400 days are counted by week' : undefined
            }
            onClick={() => {
              if (value === 'week' || props.daysAllowed) props.onBucket(value);
            }}
          >
            {value === 'day' ? 'Day' : 'Week'}
          </button>
        ))}
      </fieldset>
      <label className="statistics-controls__zone">
        <span className="statistics-controls__legend">Time zone</span>
        <select
          className="field__input statistics-controls__select"
          value={timeZone}
          onChange={(event) => props.onTimeZone(event.target.value)}
          data-testid="statistics-zone"
        >
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone === consoleZone ? `${zoneLabel(zone, Date.now())} — this console` : zone}
            </option>
          ))}
        </select>
      </label>
      {customOpen ? (
        <CustomRangeForm initial={props.customDates} fromInput={props.fromInput} onChoose={props.onChoose} />
      ) : null}
    </div>
  );
}

interface CustomRangeFormProps {
  readonly initial: { readonly from: string; readonly to: string };
  readonly fromInput: RefObject<HTMLInputElement | null>;
  readonly onChoose: (choice: RangeChoice) => void;
}

/** From and to dates, both days included; Enter in either field shows the range. */
function CustomRangeForm({ initial, fromInput, onChoose }: CustomRangeFormProps) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    // en-CA writes dates as YYYY-MM-DD: today in this console's zone, as the date inputs give it.
    const today = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(Date.now());
    const checked = checkCustomRange(from, to, today);
    setProblem(checked.ok ? null : checked.reason);
    if (checked.ok) onChoose(checked.choice);
  };
  return (
    <form className="statistics-custom" onSubmit={submit} aria-label="Custom range">
      <label className="statistics-custom__field">
        <span className="statistics-controls__legend">From</span>
        <input
          ref={fromInput}
          type="date"
          className="field__input"
          value={from}
          onChange={(event) => setFrom(event.target.value)}
          data-testid="statistics-from"
        />
      </label>
      <label className="statistics-custom__field">
        <span className="statistics-controls__legend">To</span>
        <input
          type="date"
          className="field__input"
          value={to}
          onChange={(event) => setTo(event.target.value)}
          data-testid="statistics-to"
        />
      </label>
      <button type="submit" className="button button--primary">
        Show
      </button>
      {problem !== null ? (
        <p className="statistics-custom__problem" role="alert">
          {problem}
        </p>
      ) : null}
    </form>
  );
}

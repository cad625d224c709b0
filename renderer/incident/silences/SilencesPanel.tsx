import { matcherText } from '../../../shared/silences/matchers';
import { formatClockTime } from '../../format';
import { Untrusted } from '../../text/Untrusted';
import type { SilencesState } from './use-incident-silences';

/** The silences in force on the incident's alerts: who made them, until when, and an Expire button. */
export function SilencesPanel({
  state,
  mayExpire,
  onExpire,
}: {
  readonly state: SilencesState;
  /** Why expiring is not allowed here, or null when it is. */
  readonly mayExpire: string | null;
  readonly onExpire: (silenceId: string) => void;
}) {
  return (
    <section className="panel" aria-labelledby="silences-heading" data-testid="silences-panel">
      <h3 id="silences-heading" className="panel__title">
        Silences{state.status === 'loaded' ? ` (${state.value.silences.length})` : ''}
      </h3>
      {state.status === 'loading' ? <p className="panel__empty">Asking Alertmanager…</p> : null}
      {state.status === 'failed' ? (
        <p className="panel__empty">Could not list silences: {state.message}</p>
      ) : null}
      {state.status === 'loaded' ? (
        <>
          {state.value.unreachable.map((line) => (
            <p key={line} className="panel__empty">
              <Untrusted text={line} />
            </p>
          ))}
          {state.value.silences.length === 0 ? (
            <p className="panel__empty">None of its alerts is silenced.</p>
          ) : null}
          <ul className="silence-list">
            {state.value.silences.map((silence) => (
              <li
                key={`${silence.integration}/${silence.id}`}
                className="silence-card"
                data-silence-id={silence.id}
              >
                <p className="silence-card__head">
                  Until {formatClockTime(Date.parse(silence.endsAt))} · by{' '}
                  <Untrusted text={silence.createdBy} /> · {silence.integration}
                  {silence.state === 'pending' ? ' · starts later' : ''}
                </p>
                <p className="silence-card__matchers">
                  <Untrusted text={silence.matchers.map(matcherText).join(', ')} />
                </p>
                <p className="silence-card__comment">
                  <Untrusted text={silence.comment} />
                </p>
                <button
                  type="button"
                  className="button"
                  aria-disabled={mayExpire !== null}
                  title={mayExpire ?? undefined}
                  onClick={() => (mayExpire === null ? onExpire(silence.id) : undefined)}
                >
                  Expire
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

import type { ReactNode } from 'react';
import type { RunbookStep, RunbookView } from '../../shared/api';
import { COMMAND_ROLE } from '../../shared/commands';
import type { RowLike } from '../../shared/feed/board-row';
import { hasRole, type Role } from '../../shared/roles';
import { MarkdownView } from '../markdown/MarkdownView';
import type { TaskMarker } from '../markdown/markdown-ast';
import type { CommandSender } from './actions/use-command-sender';
import { stepMatcher } from './runbook-steps';

export interface RunbookPanelProps {
  readonly incident: RowLike;
  /** Undefined until the record has loaded; null when no runbook applies. */
  readonly runbook: RunbookView | null | undefined;
  /** The record could not be fetched (the timeline panel says why). */
  readonly failed: boolean;
  readonly role: Role;
  readonly sender: CommandSender;
}

/** The service's runbook, with its checklist ticked off together by everyone in the room. */
export function RunbookPanel({ incident, runbook, role, sender, failed }: RunbookPanelProps) {
  const allowed = hasRole(role, COMMAND_ROLE.complete_runbook_step);
  return (
    <section className="panel" aria-labelledby="runbook-heading">
      <h3 id="runbook-heading" className="panel__title">
        Runbook{runbook ? `: ${runbook.name}` : ''}
      </h3>
      {runbook === undefined ? (
        <p className="panel__empty">{failed ? 'Could not load the runbook.' : 'Loading the runbook…'}</p>
      ) : null}
      {runbook === null ? <p className="panel__empty">No runbook for these services.</p> : null}
      {runbook ? (
        <MarkdownView
          markdown={runbook.markdown}
          sectionLevel={3}
          renderTask={taskRenderer(runbook.steps, (step, label) => {
            const done = incident.runbookStepsDone.includes(step.id);
            const pending = sender.pending.has(`step:${step.id}`);
            return (
              <label className="runbook-step" data-step-id={step.id} data-done={done}>
                <input
                  type="checkbox"
                  checked={done}
                  // A done step stays done: the log records who did it, and there is no "undo" command.
                  disabled={done || pending || !allowed}
                  title={
                    allowed
                      ? undefined
                      : `Ticking steps needs the operator role; you are signed in as ${role}.`
                  }
                  onChange={() =>
                    void sender.send(`step:${step.id}`, { type: 'complete_runbook_step', stepId: step.id })
                  }
                />
                <span>{label}</span>
              </label>
            );
          })}
        />
      ) : null}
    </section>
  );
}

/** Renders each checklist item with its hub step, or read-only when it has none. */
function taskRenderer(
  steps: ReadonlyArray<RunbookStep>,
  render: (step: RunbookStep, label: ReactNode) => ReactNode,
): (task: TaskMarker, label: ReactNode) => ReactNode {
  // A fresh matcher per render: the document is rendered top to bottom, in the hub's step order.
  const match = stepMatcher(steps);
  return (task, label) => {
    const step = match(task.text);
    if (step) return render(step, label);
    return (
      <label className="runbook-step runbook-step--static">
        <input type="checkbox" checked={task.checked} disabled readOnly />
        <span>{label}</span>
      </label>
    );
  };
}

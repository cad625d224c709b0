import { useCallback, useState } from 'react';
import { Dialog } from '../dialog/Dialog';
import { COMMANDS, type CommandContext, commandSpec } from './command-catalog';
import { KeyHint } from './KeyHint';
import { KeymapRow } from './KeymapRow';
import { chordLabel } from './keymap';
import { saveKeymap, useKeymapPrefs } from './keymap-prefs';
import { draftFrom, findConflicts, type KeymapConflict, overridesFrom } from './keymap-rebinding';

const SECTIONS: ReadonlyArray<{ readonly context: CommandContext; readonly heading: string }> = [
  { context: 'global', heading: 'Everywhere' },
  { context: 'board', heading: 'On the board' },
  { context: 'incident', heading: 'In an incident' },
  { context: 'escalations', heading: 'In the escalations' },
  { context: 'map', heading: 'In the map' },
  { context: 'statistics', heading: 'In the statistics' },
];

/** "Take command (c)": what else a row's key would run. */
function clashesOf(id: string, conflicts: ReadonlyArray<KeymapConflict>): ReadonlyArray<string> {
  return conflicts
    .filter((conflict) => conflict.commandId === id)
    .map(
      (conflict) =>
        `${commandSpec(conflict.otherId)?.description ?? conflict.otherId} (${chordLabel(conflict.otherKey)})`,
    );
}

/**
 * Every command with its keys, each changeable. Changes are a draft until saved; a key that two
 * commands would answer to where both work blocks saving until one of them is changed.
 */
export function KeymapSettings({ onClose }: { readonly onClose: () => void }) {
  const saved = useKeymapPrefs((state) => state.overrides);
  const [draft, setDraft] = useState(() => draftFrom(COMMANDS, saved));
  const [capturing, setCapturing] = useState<string | null>(null);
  const endCapture = useCallback(() => setCapturing(null), []);
  const conflicts = findConflicts(COMMANDS, draft);
  const blocked = conflicts.length > 0;
  const save = (): void => {
    if (blocked) return;
    saveKeymap(overridesFrom(COMMANDS, draft));
    onClose();
  };

  return (
    <Dialog title="Keyboard settings" onClose={onClose} className="keymap-settings">
      <p className="dialog__text">
        Choose Change, then press the new key — or two keys, such as g then b, within 1.5 seconds. Esc cancels
        a change. Keys in a box with a dashed border always work.
      </p>
      {SECTIONS.map(({ context, heading }) => {
        const commands = COMMANDS.filter((spec) => spec.context === context);
        if (commands.length === 0) return null;
        return (
          <section key={context} className="keymap-settings__section" aria-label={heading}>
            <h3 className="keymap-settings__heading">{heading}</h3>
            <ul className="keymap-settings__list">
              {commands.map((spec) => (
                <KeymapRow
                  key={spec.id}
                  spec={spec}
                  keys={draft[spec.id] ?? spec.keys}
                  clashes={clashesOf(spec.id, conflicts)}
                  capturing={capturing === spec.id}
                  onStartCapture={() => setCapturing(spec.id)}
                  onKeys={(keys) => setDraft((current) => ({ ...current, [spec.id]: keys }))}
                  onEndCapture={endCapture}
                />
              ))}
            </ul>
          </section>
        );
      })}
      <p role="alert" className="keymap-settings__status">
        {blocked ? 'Some keys would run two commands. Change one of each pair before saving.' : ''}
      </p>
      <div className="dialog__buttons">
        <button type="button" className="button button--primary" onClick={save} disabled={blocked}>
          Save
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            setCapturing(null);
            setDraft(draftFrom(COMMANDS, {}));
          }}
        >
          Reset to defaults
        </button>
        <button type="button" className="button" onClick={onClose}>
          Cancel <KeyHint chord="Escape" />
        </button>
      </div>
    </Dialog>
  );
}

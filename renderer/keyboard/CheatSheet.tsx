import { create } from 'zustand';
import { Dialog } from '../dialog/Dialog';
import { commandBinding } from './command-catalog';
import { KeyHint } from './KeyHint';
import { activeLayers, chordLabel, type KeyBinding } from './keymap';
import { liveLayers } from './keymap-registry';
import { useKeymap } from './use-keymap';

// "?" shows the keys that work where the operator is, as the operator has bound them. The list is
// taken when the sheet opens: once open, the sheet itself is the top layer and would only list
// its own Esc.

interface CheatSheetStore {
  readonly keys: ReadonlyArray<KeyBinding> | null;
}

const useCheatSheetStore = create<CheatSheetStore>()(() => ({ keys: null }));

function openCheatSheet(): void {
  const keys = activeLayers(liveLayers())
    .flatMap((layer) => layer.bindings)
    .filter((binding) => binding.keys.length > 0);
  useCheatSheetStore.setState({ keys });
}

const closeCheatSheet = (): void => useCheatSheetStore.setState({ keys: null });

const GLOBAL_KEYS: ReadonlyArray<KeyBinding> = [commandBinding('cheat-sheet', openCheatSheet)];

/** Registers "?" everywhere outside dialogs and shows the sheet when asked. */
export function CheatSheetHost() {
  useKeymap('global', GLOBAL_KEYS);
  const keys = useCheatSheetStore((state) => state.keys);
  if (keys === null) return null;
  return (
    <Dialog title="Keyboard shortcuts" onClose={closeCheatSheet} className="cheat-sheet">
      <dl className="cheat-sheet__list">
        {keys.map((binding) => (
          <div key={`${binding.keys.join(' ')}:${binding.description}`} className="cheat-sheet__entry">
            <dt>
              {binding.keys.map((key) => (
                <kbd key={key}>{chordLabel(key)}</kbd>
              ))}
            </dt>
            <dd>{binding.description}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog__buttons">
        <button type="button" className="button" onClick={closeCheatSheet}>
          Close <KeyHint chord="Escape" />
        </button>
      </div>
    </Dialog>
  );
}

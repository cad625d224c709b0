import { chordLabel } from '../keyboard/keymap';
import { Untrusted } from '../text/Untrusted';
import type { PaletteItem } from './palette-items';
import type { PaletteResults as Results } from './rank-palette';

export interface PaletteResultsProps {
  readonly id: string;
  readonly results: Results;
  readonly activeIndex: number;
  readonly optionId: (index: number) => string;
  readonly onChoose: (item: PaletteItem) => void;
}

/**
 * The palette's listbox, one group per kind. Options are never focused (the text field keeps
 * focus and points at the highlighted one), so the highlight is drawn like a focus ring.
 */
export function PaletteResults({ id, results, activeIndex, optionId, onChoose }: PaletteResultsProps) {
  let index = -1;
  return (
    <div id={id} role="listbox" aria-label="Results" className="command-palette__results">
      {results.groups.map((group) => (
        // A listbox groups its options with role="group"; a <fieldset> would be a form control.
        // biome-ignore lint/a11y/useSemanticElements: see above.
        <div key={group.kind} role="group" aria-label={group.heading} className="command-palette__group">
          <div className="command-palette__heading" aria-hidden="true">
            {group.heading}
          </div>
          {group.items.map((item) => {
            index += 1;
            const active = index === activeIndex;
            return (
              // Never focused: the text field keeps focus and points here (aria-activedescendant),
              // Enter there chooses it; a click works too.
              // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
              // biome-ignore lint/a11y/useFocusableInteractive: see above.
              <div
                key={item.id}
                id={optionId(index)}
                role="option"
                className="command-palette__option"
                aria-selected={active}
                aria-disabled={item.disabledReason ? true : undefined}
                data-kind={item.kind}
                // Keeps focus in the text field when clicked.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => onChoose(item)}
              >
                <Untrusted className="command-palette__label" text={item.label} />
                {item.detail ? <span className="command-palette__detail">{item.detail}</span> : null}
                {item.disabledReason ? (
                  <span className="command-palette__reason">{item.disabledReason}</span>
                ) : null}
                {item.keys && item.keys.length > 0 ? (
                  <span className="command-palette__keys">
                    {item.keys.map((key) => (
                      <kbd key={key}>{chordLabel(key)}</kbd>
                    ))}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}

/**
 * The values that complete the word at the cursor; Tab takes the highlighted one. Options are
 * never focused: the input keeps focus and points at the highlighted one (aria-activedescendant).
 */
export function FilterCompletions({
  id,
  options,
  highlighted,
  onChoose,
}: {
  readonly id: string;
  readonly options: ReadonlyArray<string>;
  readonly highlighted: number;
  readonly onChoose: (option: string) => void;
}) {
  if (options.length === 0) return null;
  return (
    <div
      id={id}
      className="filter-bar__completions"
      role="listbox"
      aria-label="Completions"
      data-testid="filter-completions"
    >
      {options.map((option, index) => (
        // Never focused (see above); a click takes it too.
        // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
        // biome-ignore lint/a11y/useFocusableInteractive: see above.
        <div
          key={option}
          id={`${id}-${index}`}
          role="option"
          aria-selected={index === highlighted}
          className={
            index === highlighted
              ? 'filter-bar__completion filter-bar__completion--on'
              : 'filter-bar__completion'
          }
          // Keeps focus in the input when clicked.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onChoose(option)}
        >
          {option}
        </div>
      ))}
    </div>
  );
}

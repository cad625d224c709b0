import type { FilterError as FilterErrorValue } from '../../shared/filter/filter-query';

export interface FilterErrorProps {
  readonly text: string;
  readonly error: FilterErrorValue;
  /** What the board shows meanwhile (the bar's terms before the error), when it says so. */
  readonly applied?: string;
}

/** Why the filter is not one: the text with the character at fault marked, and the sentence. */
export function FilterError({ text, error, applied }: FilterErrorProps) {
  const at = Math.min(error.offset, text.length);
  return (
    <div className="filter-bar__error" role="alert" data-testid="filter-error" data-offset={at}>
      <code className="filter-bar__error-text">
        {text.slice(0, at)}
        <mark className="filter-bar__error-mark">{text.slice(at, at + 1) || ' '}</mark>
        {text.slice(at + 1)}
      </code>
      <span>
        {' '}
        at character {at + 1}: {error.message}
      </span>
      {applied === undefined ? null : (
        <span className="filter-bar__error-applied" data-testid="filter-error-applied">
          {' '}
          {applied === '' ? (
            'Until it reads, the board shows every incident.'
          ) : (
            <>
              Until it reads, the board is filtered by <code>{applied}</code>.
            </>
          )}
        </span>
      )}
    </div>
  );
}

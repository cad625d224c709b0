import type { FilterError as FilterErrorValue } from '../../shared/filter/filter-query';

/** Why the filter is not one: the text with the character at fault marked, and the sentence. */
export function FilterError({ text, error }: { readonly text: string; readonly error: FilterErrorValue }) {
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
    </div>
  );
}

import { revealHidden } from '../text/hidden-characters';

// RFC 4180 CSV writing, hardened for spreadsheets. Exports are opened in Excel, LibreOffice and
// Google Sheets, which run a cell that starts with "=", "+", "-" or "@" as a formula: an alert
// title like =HYPERLINK("http://evil","x") would become a live link or worse (CSV injection).

/** Prepended so Excel and LibreOffice show the file as UTF-8 ("Zoë", "日本語") instead of guessing a code page. */
export const UTF8_BOM = '\uFEFF';

// OWASP's list (= + - @ TAB CR), plus LF and the full-width forms some spreadsheets also evaluate.
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A text cell that a spreadsheet shows as text: formula starts get a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: numbers as they are, text neutralised and quoted when RFC 4180 requires it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // Bidi overrides and zero-width characters shown, NUL dropped, before the formula check: a
  // hidden character in front of "=" must not hide the formula from it.
  const text = neutraliseFormula(revealHidden(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF (RFC 4180), ending in CRLF, behind a UTF-8 BOM. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `${UTF8_BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

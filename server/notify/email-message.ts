import { revealHidden } from '../../shared/text/hidden-characters';
import type { OutgoingEmail } from './mailer';

// An email for one notification. The subject carries the untrusted alert title into a header,
// so it is made one line of visible characters first: CR, LF and the Unicode line and paragraph
// separators become spaces (no "\r\nBcc: …" can start a header of its own), other control and
// invisible characters are shown as <U+…>, and it is cut to a length every client shows. The
// body is plain text; nodemailer encodes both.

const MAX_SUBJECT = 200;

/** A header-safe, one-line subject. */
export function emailSubject(headline: string): string {
  const oneLine = revealHidden(headline.replace(/[\r\n\u0085\u2028\u2029\t\v\f]+/g, ' '))
    .replace(/\s{2,}/g, ' ')
    .trim();
  return oneLine.length > MAX_SUBJECT ? `${oneLine.slice(0, MAX_SUBJECT - 1)}…` : oneLine;
}

/** The message to one address: headline as subject, the sentences and the incident's link as text. */
export function emailMessage(
  to: string,
  headline: string,
  lines: ReadonlyArray<string>,
  link: string | null,
): OutgoingEmail {
  const text = [
    revealHidden(headline),
    '',
    ...lines.map(revealHidden),
    ...(link === null ? [] : ['', `Open it in Sitroom: ${link}`]),
    '',
    '-- ',
    'Sent by Sitroom. Reply in the console, not to this message.',
  ].join('\n');
  return { to, subject: emailSubject(headline), text };
}

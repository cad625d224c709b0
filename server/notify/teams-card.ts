// A Microsoft Teams message: what a Teams incoming webhook and a Workflows "when a Teams webhook
// request is received" flow both take — a message with one Adaptive Card attachment. Alert text
// goes into TextRun elements of a RichTextBlock, which Adaptive Cards never read as Markdown, so
// a title like "[click](https://evil.example)" or "**URGENT**" shows as typed. The one link is
// the incident's in the console, as a button (Action.OpenUrl). Version 1.4: what Workflows and
// current Teams clients render.

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const CARD_VERSION = '1.4';

/** A card body is shown whole; a storm's worth of text is cut, with a mark that it was. */
const MAX_TEXT = 4_000;

export interface TeamsNotice {
  /** "[SEV1] INC-4: Payments DB down" */
  readonly headline: string;
  /** The sentences after the headline, one per line. */
  readonly lines: ReadonlyArray<string>;
  readonly link: string | null;
  readonly linkTitle: string;
  /** Attention for sev1/sev2, so the card's headline is red where Teams shows colour. */
  readonly urgent: boolean;
}

/** The POST body for a Teams incoming webhook or Workflows URL. */
export function teamsCard(notice: TeamsNotice) {
  const body: unknown[] = [
    {
      type: 'RichTextBlock',
      inlines: [
        {
          type: 'TextRun',
          text: cut(notice.headline),
          weight: 'Bolder',
          size: 'Medium',
          ...(notice.urgent ? { color: 'Attention' } : {}),
        },
      ],
    },
    ...notice.lines.map((line) => ({
      type: 'RichTextBlock',
      inlines: [{ type: 'TextRun', text: cut(line) }],
    })),
  ];
  const actions =
    notice.link === null ? [] : [{ type: 'Action.OpenUrl', title: notice.linkTitle, url: notice.link }];
  return {
    type: 'message',
    // Teams shows `summary` in notifications and the activity feed.
    summary: cut(notice.headline),
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: CARD_VERSION,
          body,
          ...(actions.length > 0 ? { actions } : {}),
          msteams: { width: 'Full' },
        },
      },
    ],
  };
}

function cut(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

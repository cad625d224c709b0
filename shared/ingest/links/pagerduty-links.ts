import type { AlertLink } from '../../domain';
import { type LinkCandidate, safeLinks } from './safe-links';

// PagerDuty Events v2 carries `links` ({href, text}) and `images` ({src, href?, alt?}); the
// sending tool may add `client_url`. An image's `src` is offered as a link and never loaded (an
// image fetched by the console tells its author the console looked); its `href`, where the image
// would have led, is a link of its own.

export interface PagerdutyLinkSource {
  readonly links: ReadonlyArray<{ readonly href: string; readonly text: string }>;
  readonly images: ReadonlyArray<{ readonly src: string; readonly href?: string; readonly alt?: string }>;
  readonly client?: string | undefined;
  readonly client_url?: string | undefined;
}

/** A PagerDuty event's links after the URL policy. */
export function pagerdutyLinks(event: PagerdutyLinkSource): AlertLink[] {
  return safeLinks(pagerdutyLinkCandidates(event));
}

/** The sender's links in its order, then its images, then the sending tool. */
export function pagerdutyLinkCandidates(event: PagerdutyLinkSource): LinkCandidate[] {
  const candidates: LinkCandidate[] = event.links.map((link) => ({ href: link.href, text: link.text }));
  for (const image of event.images) {
    const alt = image.alt?.trim() ?? '';
    if (image.href !== undefined) candidates.push({ href: image.href, text: alt });
    candidates.push({
      href: image.src,
      text: alt === '' ? 'Image (not loaded)' : `Image: ${alt} (not loaded)`,
    });
  }
  candidates.push({ href: event.client_url, text: event.client ?? 'Source' });
  return candidates;
}

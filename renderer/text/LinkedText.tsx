import { revealHidden } from '../../shared/text/hidden-characters';
import { linkify } from './linkify';
import { SafeLink } from './SafeLink';

/**
 * Plain text with its http(s) URLs as links; never HTML. Isolated and with hidden characters
 * shown, like all monitoring and operator text (see Untrusted).
 */
export function LinkedText({ text }: { readonly text: string }) {
  return (
    <bdi>
      {linkify(text).map((segment, index) =>
        segment.kind === 'link' ? (
          // Segments never reorder, so their position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <SafeLink key={index} href={segment.href}>
            {revealHidden(segment.text)}
          </SafeLink>
        ) : (
          revealHidden(segment.text)
        ),
      )}
    </bdi>
  );
}

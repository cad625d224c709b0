import { linkify } from './linkify';
import { SafeLink } from './SafeLink';

/** Plain text with its http(s) URLs as links; never HTML. */
export function LinkedText({ text }: { readonly text: string }) {
  return (
    <>
      {linkify(text).map((segment, index) =>
        segment.kind === 'link' ? (
          // Segments never reorder, so their position is a stable key.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above.
          <SafeLink key={index} href={segment.href}>
            {segment.text}
          </SafeLink>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}

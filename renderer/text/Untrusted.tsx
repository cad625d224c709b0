import { revealHidden } from '../../shared/text/hidden-characters';

/**
 * Text from monitoring (titles, labels, services, notes): in its own bidi isolate (<bdi>), so a
 * right-to-left override inside it cannot reorder what is around it, and with invisible
 * characters shown as "<U+202E>", so it cannot pass for other text.
 */
export function Untrusted({ text, className }: { readonly text: string; readonly className?: string }) {
  return <bdi className={className}>{revealHidden(text)}</bdi>;
}

import type { ReactNode } from 'react';
import { safeHref } from './link-safety';

/** A link that opens outside the console, or plain text when `href` is not http(s). */
export function SafeLink({ href, children }: { readonly href: string; readonly children: ReactNode }) {
  const safe = safeHref(href);
  if (safe === null) return <span className="unsafe-link">{children}</span>;
  return (
    // noopener: the opened page gets no handle on the console; noreferrer: it learns nothing of the hub's URL.
    <a href={safe} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

import { type RefObject, useCallback, useLayoutEffect, useState } from 'react';

export interface Viewport {
  readonly scrollTop: number;
  readonly height: number;
  /** Scrolls the element and records where it actually landed (the browser clamps). */
  scrollTo(top: number): void;
  onScroll(): void;
}

/** Tracks a scroll container's scroll position and height, for row virtualisation. */
export function useViewport(ref: RefObject<HTMLElement | null>): Viewport {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);

  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => setHeight(element.clientHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);

  const onScroll = useCallback(() => {
    if (ref.current) setScrollTop(ref.current.scrollTop);
  }, [ref]);

  const scrollTo = useCallback(
    (top: number) => {
      const element = ref.current;
      if (!element) return;
      element.scrollTop = top;
      setScrollTop(element.scrollTop);
    },
    [ref],
  );

  return { scrollTop, height, scrollTo, onScroll };
}

import { type RefObject, useLayoutEffect, useState } from 'react';
import type { MapRect } from './edge-path';
import { drawnWindow, sameWindow } from './map-culling';

/**
 * The part of the map to draw, following the scroll container `scroller` (see map-culling.ts);
 * null (draw everything) when `enabled` is false, as on a wall, which scales the map to fit.
 * The map is drawn at one user unit a pixel with its top-left at the container's, so the
 * container's scroll offsets are the drawing's coordinates.
 */
export function useDrawnWindow(
  scroller: RefObject<HTMLElement | null>,
  enabled: boolean,
  /** Re-measured when the drawing's size changes: the browser may clamp the scroll offsets. */
  drawingSize: string,
): MapRect | null {
  // Until the container is measured, a first guess at scroll offset 0 the size of the window:
  // the first render must not draw the whole map only to throw most of it away.
  const [drawn, setDrawn] = useState<MapRect>(() =>
    drawnWindow({ left: 0, top: 0, width: window.innerWidth, height: window.innerHeight }),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: drawingSize is a trigger, not read.
  useLayoutEffect(() => {
    const element = scroller.current;
    if (!enabled || !element) return;
    const measure = (): void => {
      const next = drawnWindow({
        left: element.scrollLeft,
        top: element.scrollTop,
        width: element.clientWidth,
        height: element.clientHeight,
      });
      // The same window keeps the same object, so the canvas's memo holds until a tile is crossed.
      setDrawn((old) => (sameWindow(old, next) ? old : next));
    };
    measure();
    element.addEventListener('scroll', measure, { passive: true });
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      element.removeEventListener('scroll', measure);
      observer.disconnect();
    };
  }, [scroller, enabled, drawingSize]);
  return enabled ? drawn : null;
}

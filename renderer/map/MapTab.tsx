import { openMap, returnToBoard, useMapOpen } from '../state/view-store';

/** The header's way into the dependency map (and back). */
export function MapTab() {
  const open = useMapOpen();
  return (
    <button
      type="button"
      className="header-tab"
      aria-pressed={open}
      aria-keyshortcuts="g m"
      title="Service dependency map and impact (g m)"
      onClick={open ? returnToBoard : openMap}
      data-testid="map-tab"
    >
      Map
    </button>
  );
}

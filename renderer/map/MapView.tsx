import { type RefObject, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { KeyHint } from '../keyboard/KeyHint';
import { openIncident, returnToBoard } from '../state/view-store';
import { useIsWall } from '../wall/wall-store';
import { useCatalogGraph } from './catalog-store';
import { bestRowWidth, capScale, foldLayers } from './fit-layout';
import type { MapLayout } from './layout';
import { MapCanvas } from './MapCanvas';
import { findServices, type MapDirection, stepOnMap } from './map-navigation';
import { NoCatalog } from './NoCatalog';
import { ServicePanel } from './ServicePanel';
import { useDrawnWindow } from './use-drawn-window';
import { useMapKeys } from './use-map-keys';
import { type MapModel, useMapModel } from './use-map-model';

const DEFAULT_HOPS = 1;
const MAX_HOPS = 6;

/**
 * The service dependency map: dependencies above what needs them, each service coloured by the
 * worst open incident on it, services hurt by a failing dependency outlined in amber.
 */
export function MapView() {
  const { graph, failure } = useCatalogGraph();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [focusHops, setFocusHops] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const wall = useIsWall();
  const model = useMapModel(graph, { serviceId: chosenId, hops: focusHops, affectedOnly: wall });
  const { highlights } = model;
  const heading = useRef<HTMLHeadingElement>(null);
  const canvas = useRef<HTMLElement>(null);
  const layout = useWallFit(model.layout, canvas, wall);
  // A wall scales the whole map into its frame: all of it is in view. Elsewhere the map scrolls.
  const drawn = useDrawnWindow(canvas, !wall, `${layout.width}×${layout.height}`);
  const findBox = useRef<HTMLInputElement>(null);
  // The chosen service, or the first failing one, or the first on the map.
  const selectedId =
    chosenId !== null && layout.byId.has(chosenId)
      ? chosenId
      : (layout.nodes.find((node) => highlights.openIncidents.has(node.id))?.id ??
        layout.nodes[0]?.id ??
        null);
  const matches = graph === null ? [] : findServices(graph.services, query);
  const cycleEdges = layout.edges.filter((edge) => edge.reversed).length;
  // Loaded, and empty: the hub has no services.yaml. Say so instead of drawing an empty frame.
  const noCatalog = graph !== null && graph.services.length === 0;

  const select = useCallback((id: string) => {
    setChosenId(id);
    setNotice(null);
    // After React has drawn the selection, bring the node into view and give it focus. The
    // canvas draws the selected service even outside the drawn window, so it is there to scroll
    // to; the scroll then moves the window and its neighbours are drawn around it.
    requestAnimationFrame(() => {
      const node = canvas.current?.querySelector<SVGGElement>(`[data-service-id="${CSS.escape(id)}"]`);
      node?.focus({ preventScroll: true });
      node?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    });
  }, []);
  // Read through a ref so the canvas keeps one callback and its nodes skip re-rendering.
  const current = useRef(model);
  current.current = model;
  const openFirstIncident = useCallback((id: string | null): void => {
    const first = id === null ? undefined : current.current.highlights.openIncidents.get(id)?.[0];
    if (first !== undefined) openIncident(first);
    else setNotice(`${id === null ? 'Nothing' : current.current.names.get(id)} has no open incident.`);
  }, []);
  const typing = (): boolean => document.activeElement === findBox.current;

  useMapKeys({
    move: (direction: MapDirection) => {
      const next = stepOnMap(layout, selectedId, direction);
      if (next !== null) select(next);
    },
    enter: () => {
      if (!typing()) return openFirstIncident(selectedId);
      const first = matches[0];
      if (first === undefined) return;
      // Leave the box now, not on the next frame: an arrow pressed right after Enter would
      // otherwise still land in the box and be lost.
      findBox.current?.blur();
      setQuery('');
      // A service hidden by the focus view is still found: widen back to the whole map.
      if (!layout.byId.has(first.id)) setFocusHops(null);
      select(first.id);
    },
    escape: () => {
      if (!typing()) return returnToBoard();
      findBox.current?.blur();
      setQuery('');
      if (selectedId !== null) select(selectedId);
    },
    find: () => findBox.current?.focus(),
    toggleFocus: () => {
      if (selectedId !== null) setChosenId(selectedId);
      setFocusHops((hops) => (hops === null ? DEFAULT_HOPS : null));
    },
    hops: (delta) =>
      setFocusHops((hops) => (hops === null ? hops : Math.min(MAX_HOPS, Math.max(1, hops + delta)))),
  });
  useLayoutEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className="map-view" aria-labelledby="map-heading" data-testid="map-view">
      <header className="map-view__header">
        <button type="button" className="button button--quiet" onClick={returnToBoard}>
          ← Board <KeyHint chord="Escape" />
        </button>
        <h2 id="map-heading" ref={heading} tabIndex={-1} className="map-view__title">
          {model.affectedOnly ? (
            <>
              Impact map <AffectedCount model={model} total={graph?.services.length ?? 0} />
            </>
          ) : (
            <>
              Dependency map <span className="map-view__count">{graph?.services.length ?? 0} services</span>
            </>
          )}
        </h2>
        {/* Nothing to find or focus on without a catalog, and nobody types at a wall. */}
        {noCatalog || wall ? null : (
          <>
            <div className="map-view__find">
              <input
                ref={findBox}
                type="search"
                className="map-view__find-input"
                placeholder="Find service  /"
                aria-label="Find service"
                value={query}
                onChange={(event) => setQuery(event.target.value)}
                data-testid="map-find"
              />
              {matches.length > 0 ? (
                <ul className="map-view__matches" aria-label="Matching services">
                  {matches.map((match) => (
                    <li key={match.id}>{match.name}</li>
                  ))}
                </ul>
              ) : null}
            </div>
            <span className="map-view__focus" data-testid="map-focus">
              {focusHops === null
                ? 'Whole map (f: focus)'
                : `Neighbours within ${focusHops} hop${focusHops === 1 ? '' : 's'} (+/−, f: all)`}
            </span>
          </>
        )}
      </header>
      {notice !== null ? (
        <p className="map-view__notice" role="status">
          {notice}
        </p>
      ) : null}
      {failure !== null ? (
        <p className="map-view__failure">Could not load the service catalog: {failure}</p>
      ) : null}
      {cycleEdges > 0 ? (
        <p className="map-view__legend" data-testid="map-cycles">
          {cycleEdges === 1
            ? 'A dashed arc closes a dependency cycle'
            : `${cycleEdges} dashed arcs close dependency cycles`}
          ; the arrow points at what the service needs.
        </p>
      ) : null}
      {noCatalog ? (
        <NoCatalog />
      ) : (
        <div className="map-view__body">
          <section className="map-view__canvas" ref={canvas} aria-label="Service dependency map">
            <MapCanvas
              layout={layout}
              names={model.names}
              highlights={highlights}
              selectedId={selectedId}
              onSelect={select}
              onOpen={openFirstIncident}
              drawn={drawn}
            />
          </section>
          {graph !== null && selectedId !== null ? (
            <ServicePanel
              graph={graph}
              serviceId={selectedId}
              highlights={highlights}
              incidents={model.incidents}
              onOpenIncident={openIncident}
              keyHints={!wall}
            />
          ) : null}
        </div>
      )}
    </section>
  );
}

/** "2 failing · 9 affected · 34 in the catalog": what the impact map leaves out, said. */
function AffectedCount({ model, total }: { readonly model: MapModel; readonly total: number }) {
  const { failing, impacted } = model.affected;
  return (
    <span className="map-view__count" data-testid="map-affected-count">
      {failing.size} failing · {impacted.size} affected · {total} in the catalog
    </span>
  );
}

/**
 * On a wall, the layout folded to draw largest in the canvas's frame (it is scaled to fit, see
 * map.css); elsewhere the layout as it is, scrolled.
 */
function useWallFit(layout: MapLayout, canvas: RefObject<HTMLElement | null>, wall: boolean): MapLayout {
  const [frame, setFrame] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!wall || !element) return;
    const measure = (): void => {
      const { clientWidth: width, clientHeight: height } = element;
      setFrame((old) => (old?.width === width && old.height === height ? old : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [wall, canvas]);
  return useMemo(() => {
    if (!wall || frame === null || frame.width === 0 || frame.height === 0) return layout;
    const folded = foldLayers(layout, bestRowWidth(layout, frame.width, frame.height));
    return capScale(folded, frame.width, frame.height);
  }, [wall, frame, layout]);
}

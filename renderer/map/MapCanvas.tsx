import { memo, useMemo } from 'react';
import type { Health } from '../../shared/impact/service-health';
import { revealHidden } from '../../shared/text/hidden-characters';
import { edgePath, type MapRect } from './edge-path';
import { carriesImpact, edgeKey, type MapHighlights } from './highlight';
import { type LayoutEdge, type MapLayout, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './layout';
import { inView } from './map-culling';
import { useStableList } from './stable-list';

// The map as SVG, drawn by React: names are text nodes, never markup, so a service called
// "<img onerror=…>" is shown as exactly that.

export interface MapCanvasProps {
  readonly layout: MapLayout;
  readonly names: ReadonlyMap<string, string>;
  readonly highlights: MapHighlights;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
  /**
   * The part of the drawing to draw (map-culling.ts), or null or absent for all of it. The
   * selected service is drawn wherever it is: it holds the keyboard's focus.
   */
  readonly drawn?: MapRect | null;
}

const NAME_CHARS = 18;
/** One map is on screen at a time, so its arrowhead can have a fixed id. */
const CYCLE_ARROW = 'map-cycle-arrow';

/** "OK", "SEV1"…: the badge says the health in words, colour only repeats it. */
export const healthLabel = (health: Health): string => health.toUpperCase();

export const MapCanvas = memo(function MapCanvas(props: MapCanvasProps) {
  const { layout, names, highlights, selectedId, drawn = null } = props;
  const view = useMemo(() => inView(layout, drawn), [layout, drawn]);
  // The same impact edges as before keep the same array, so the impact layer is not redrawn.
  const hot = useStableList(
    useMemo(() => view.edges.filter((edge) => carriesImpact(highlights, edge)), [view, highlights]),
  );
  // The selected service out of view is kept in its layout place, not appended: the drawn
  // nodes are then always in layout order, so React only adds and removes nodes, and never
  // moves the focused one (a moved element loses the focus).
  const nodes = useMemo(
    () =>
      selectedId === null || view.ids.has(selectedId) || !layout.byId.has(selectedId)
        ? view.nodes
        : layout.nodes.filter((node) => node.id === selectedId || view.ids.has(node.id)),
    [layout, view, selectedId],
  );
  return (
    <svg
      className="map-canvas"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      data-testid="map-canvas"
      data-services={layout.nodes.length}
      data-drawn={nodes.length}
    >
      <title>Service dependency map</title>
      {/* Only the part in view is drawn: a screen reader browsing the map would otherwise take
          the few dozen services it finds for the whole estate, and not know how to reach the rest. */}
      {nodes.length < layout.nodes.length ? (
        <desc>{`${nodes.length} of ${layout.nodes.length} services are drawn: those in view. Press / to find a service by name, or move between services with the arrow keys.`}</desc>
      ) : null}
      <defs>
        {/* The arrowhead of an edge closing a cycle: it points at what the service needs. */}
        <marker
          id={CYCLE_ARROW}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="map-edge__arrow" />
        </marker>
      </defs>
      <EdgeLayer layout={layout} edges={view.edges} className="map-edge" />
      {/* Impact edges are drawn again on top: the plain layer then never re-renders when an
          incident opens, which with thousands of edges was most of the update's cost. */}
      <EdgeLayer layout={layout} edges={hot} className="map-edge map-edge--impact" />
      {nodes.map((node) => (
        <MapNode
          key={node.id}
          node={node}
          name={names.get(node.id) ?? node.id}
          health={highlights.health.get(node.id) ?? 'ok'}
          impacted={highlights.impactedBy.has(node.id)}
          selected={node.id === selectedId}
          onSelect={props.onSelect}
          onOpen={props.onOpen}
        />
      ))}
    </svg>
  );
});

interface EdgeLayerProps {
  readonly layout: MapLayout;
  readonly edges: ReadonlyArray<LayoutEdge>;
  readonly className: string;
}

const EdgeLayer = memo(function EdgeLayer({ layout, edges, className }: EdgeLayerProps) {
  return (
    <g className="map-edges">
      {edges.map((edge) => {
        const { from, to } = edge;
        const a = layout.byId.get(from);
        const b = layout.byId.get(to);
        if (!a || !b) return null;
        return (
          <path
            key={edgeKey(from, to)}
            d={edgePath(edge, a, b)}
            className={edge.reversed ? `${className} map-edge--cycle` : className}
            markerEnd={edge.reversed ? `url(#${CYCLE_ARROW})` : undefined}
            data-edge={`${from}→${to}`}
            data-cycle={edge.reversed ? 'true' : undefined}
          />
        );
      })}
    </g>
  );
});

interface MapNodeProps {
  readonly node: PlacedNode;
  readonly name: string;
  readonly health: Health;
  readonly impacted: boolean;
  readonly selected: boolean;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
}

const MapNode = memo(function MapNode({
  node,
  name,
  health,
  impacted,
  selected,
  onSelect,
  onOpen,
}: MapNodeProps) {
  // A service can be named by an alert's labels: hostile text, its hidden characters shown.
  const visible = revealHidden(name);
  const chars = Array.from(visible);
  const shown = chars.length > NAME_CHARS ? `${chars.slice(0, NAME_CHARS - 1).join('')}…` : visible;
  const label = `${visible}: ${healthLabel(health)}${impacted ? ', impacted by a failing dependency' : ''}`;
  const classes = [
    'map-node',
    `map-node--${health}`,
    impacted ? 'map-node--impacted' : '',
    selected ? 'map-node--selected' : '',
  ].join(' ');
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG group cannot be a <button>; it takes focus and keys like one.
    <g
      className={classes}
      transform={`translate(${node.x},${node.y})`}
      role="button"
      tabIndex={selected ? 0 : -1}
      aria-label={label}
      aria-pressed={selected}
      data-service-id={node.id}
      data-health={health}
      data-impacted={impacted ? 'true' : 'false'}
      onClick={() => onSelect(node.id)}
      onDoubleClick={() => onOpen(node.id)}
    >
      <title>{label}</title>
      <rect className="map-node__box" width={NODE_WIDTH} height={NODE_HEIGHT} rx={8} ry={8} />
      <text className="map-node__name" x={10} y={18}>
        {shown}
      </text>
      <rect className="map-node__badge" x={10} y={24} width={40} height={14} rx={3} ry={3} />
      <text className="map-node__badge-text" x={30} y={35} textAnchor="middle">
        {healthLabel(health)}
      </text>
    </g>
  );
});

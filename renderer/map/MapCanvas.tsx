import { memo, useMemo } from 'react';
import type { Health } from '../../shared/impact/service-health';
import { edgeKey, type MapHighlights } from './highlight';
import { type LayoutEdge, type MapLayout, NODE_HEIGHT, NODE_WIDTH, type PlacedNode } from './layout';

// The map as SVG, drawn by React: names are text nodes, never markup, so a service called
// "<img onerror=…>" is shown as exactly that.

export interface MapCanvasProps {
  readonly layout: MapLayout;
  readonly names: ReadonlyMap<string, string>;
  readonly highlights: MapHighlights;
  readonly selectedId: string | null;
  readonly onSelect: (id: string) => void;
  readonly onOpen: (id: string) => void;
}

const NAME_CHARS = 18;

/** "OK", "SEV1"…: the badge says the health in words, colour only repeats it. */
export const healthLabel = (health: Health): string => health.toUpperCase();

export const MapCanvas = memo(function MapCanvas(props: MapCanvasProps) {
  const { layout, names, highlights, selectedId } = props;
  const hot = useMemo(
    () => layout.edges.filter((edge) => highlights.impactEdges.has(edgeKey(edge.from, edge.to))),
    [layout, highlights],
  );
  return (
    <svg
      className="map-canvas"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      data-testid="map-canvas"
    >
      <title>Service dependency map</title>
      <EdgeLayer layout={layout} edges={layout.edges} className="map-edge" />
      {/* Impact edges are drawn again on top: the plain layer then never re-renders when an
          incident opens, which with thousands of edges was most of the update's cost. */}
      <EdgeLayer layout={layout} edges={hot} className="map-edge map-edge--impact" />
      {layout.nodes.map((node) => (
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
      {edges.map(({ from, to }) => {
        const a = layout.byId.get(from);
        const b = layout.byId.get(to);
        if (!a || !b) return null;
        // From the top of the service to the bottom of what it needs (a dependency sits above).
        const d = `M${a.x + NODE_WIDTH / 2},${a.y} L${b.x + NODE_WIDTH / 2},${b.y + NODE_HEIGHT}`;
        return <path key={edgeKey(from, to)} d={d} className={className} data-edge={`${from}→${to}`} />;
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
  const shown = name.length > NAME_CHARS ? `${name.slice(0, NAME_CHARS - 1)}…` : name;
  const label = `${name}: ${healthLabel(health)}${impacted ? ', impacted by a failing dependency' : ''}`;
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

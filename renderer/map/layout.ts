// A layered ("Sugiyama-lite") layout for the dependency map, pure so it is unit-tested and
// benchmarked in Node. Layer 0 holds services that need nothing; a service sits one layer below
// the deepest thing it needs (longest path), so every dependency edge points up. Within a layer,
// a few barycenter sweeps pull services towards their neighbours to cut crossings. Every tie is
// broken by input position, so every console draws the same catalog the same way.

export interface LayoutInput {
  readonly id: string;
  readonly dependsOn: ReadonlyArray<string>;
}

export interface PlacedNode {
  readonly id: string;
  readonly layer: number;
  /** Position within the layer, 0 = leftmost. */
  readonly order: number;
  /** Top-left corner, in SVG user units. */
  readonly x: number;
  readonly y: number;
}

export interface LayoutEdge {
  /** The service that needs `to`. */
  readonly from: string;
  readonly to: string;
  /**
   * True for an edge closing a dependency cycle (the layout left it out to place the services):
   * it points down or sideways instead of up, or loops back to its own service (`from === to`).
   */
  readonly reversed: boolean;
}

export interface MapLayout {
  readonly nodes: ReadonlyArray<PlacedNode>;
  readonly byId: ReadonlyMap<string, PlacedNode>;
  /** Service ids per layer, left to right. */
  readonly layers: ReadonlyArray<ReadonlyArray<string>>;
  readonly edges: ReadonlyArray<LayoutEdge>;
  readonly width: number;
  readonly height: number;
}

export const NODE_WIDTH = 176;
export const NODE_HEIGHT = 44;
export const GAP_X = 24;
export const GAP_Y = 56;
export const MARGIN = 16;
const SWEEPS = 4;

/** Room on the right for the arcs that close cycles, which bow out beside their services. */
export const CYCLE_BOW = 44;

/** Lays out `services`; dependencies on ids outside the list are ignored. */
export function layoutMap(services: ReadonlyArray<LayoutInput>): MapLayout {
  const index = new Map<string, number>();
  services.forEach((service, i) => {
    if (!index.has(service.id)) index.set(service.id, i);
  });
  const deps: number[][] = services.map((service, i) => {
    const seen = new Set<number>();
    for (const id of service.dependsOn) {
      const j = index.get(id);
      if (j !== undefined && j !== i && index.get(service.id) === i) seen.add(j);
    }
    return [...seen];
  });
  const back = backEdges(deps);
  const layerOf = longestPathLayers(deps, back);
  // Loops, not Math.max(...list): a big catalog exceeds the engine's argument limit.
  let layerCount = 1;
  for (const layer of layerOf) if (layer + 1 > layerCount) layerCount = layer + 1;
  const layers: number[][] = Array.from({ length: services.length === 0 ? 0 : layerCount }, () => []);
  layerOf.forEach((layer, i) => {
    if (index.get(services[i]?.id ?? '') === i) layers[layer]?.push(i);
  });
  orderLayers(layers, deps);

  let widest = 0;
  for (const layer of layers) if (layer.length > widest) widest = layer.length;
  const selfLoops = services.filter(
    (service, i) => index.get(service.id) === i && service.dependsOn.includes(service.id),
  );
  const cycles = back.size + selfLoops.length > 0;
  const width = MARGIN * 2 + widest * NODE_WIDTH + Math.max(0, widest - 1) * GAP_X + (cycles ? CYCLE_BOW : 0);
  const nodes: PlacedNode[] = [];
  layers.forEach((layer, l) => {
    // Centred under the widest layer, so short layers do not hug the left edge.
    const offset = ((widest - layer.length) * (NODE_WIDTH + GAP_X)) / 2;
    layer.forEach((i, order) => {
      nodes.push({
        id: services[i]?.id ?? '',
        layer: l,
        order,
        x: MARGIN + offset + order * (NODE_WIDTH + GAP_X),
        y: MARGIN + l * (NODE_HEIGHT + GAP_Y),
      });
    });
  });
  const edges: LayoutEdge[] = [];
  deps.forEach((list, i) => {
    for (const j of list) {
      edges.push({ from: services[i]?.id ?? '', to: services[j]?.id ?? '', reversed: back.has(key(i, j)) });
    }
  });
  for (const service of selfLoops) edges.push({ from: service.id, to: service.id, reversed: true });
  return {
    nodes,
    byId: new Map(nodes.map((node) => [node.id, node])),
    layers: layers.map((layer) => layer.map((i) => services[i]?.id ?? '')),
    edges,
    width: nodes.length === 0 ? 0 : width,
    height: nodes.length === 0 ? 0 : MARGIN * 2 + layers.length * NODE_HEIGHT + (layers.length - 1) * GAP_Y,
  };
}

const key = (from: number, to: number): number => from * 0x100000 + to;

/**
 * Edges that close a cycle, found by an iterative depth-first search in input order (so the
 * same catalog always loses the same edges). Without them the dependency graph is acyclic.
 */
function backEdges(deps: ReadonlyArray<ReadonlyArray<number>>): Set<number> {
  const state = new Uint8Array(deps.length); // 0 unseen, 1 on the stack, 2 done
  const back = new Set<number>();
  for (let root = 0; root < deps.length; root++) {
    if (state[root] !== 0) continue;
    const stack: Array<[number, number]> = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as [number, number];
      const [at, next] = top;
      const list = deps[at] ?? [];
      if (next >= list.length) {
        state[at] = 2;
        stack.pop();
        continue;
      }
      top[1] = next + 1;
      const to = list[next] as number;
      if (state[to] === 1) back.add(key(at, to));
      else if (state[to] === 0) {
        state[to] = 1;
        stack.push([to, 0]);
      }
    }
  }
  return back;
}

/** Layer 0 for services needing nothing, else one below the deepest kept dependency (Kahn order). */
function longestPathLayers(deps: ReadonlyArray<ReadonlyArray<number>>, back: Set<number>): number[] {
  const layer = new Array<number>(deps.length).fill(0);
  const waiting = new Int32Array(deps.length);
  const dependants: number[][] = deps.map(() => []);
  deps.forEach((list, i) => {
    for (const j of list) {
      if (back.has(key(i, j))) continue;
      waiting[i] = (waiting[i] ?? 0) + 1;
      dependants[j]?.push(i);
    }
  });
  const queue: number[] = [];
  for (let i = 0; i < deps.length; i++) if (waiting[i] === 0) queue.push(i);
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head] as number;
    for (const d of dependants[at] ?? []) {
      layer[d] = Math.max(layer[d] ?? 0, (layer[at] ?? 0) + 1);
      waiting[d] = (waiting[d] ?? 0) - 1;
      if (waiting[d] === 0) queue.push(d);
    }
  }
  return layer;
}

/** Barycenter sweeps, down (by dependencies) then up (by dependants); stable on ties. */
function orderLayers(layers: number[][], deps: ReadonlyArray<ReadonlyArray<number>>): void {
  const dependants: number[][] = deps.map(() => []);
  deps.forEach((list, i) => {
    for (const j of list) dependants[j]?.push(i);
  });
  // Relative position (0…1) in its layer, so neighbours in layers of any width weigh alike.
  const position = new Float64Array(deps.length);
  const place = (layer: ReadonlyArray<number>): void => {
    layer.forEach((i, order) => {
      position[i] = layer.length > 1 ? order / (layer.length - 1) : 0.5;
    });
  };
  for (const layer of layers) place(layer);
  const sweep = (layer: number[], neighbours: ReadonlyArray<ReadonlyArray<number>>): void => {
    const weight = new Map<number, number>();
    for (const i of layer) {
      const list = neighbours[i] ?? [];
      let sum = 0;
      for (const n of list) sum += position[n] as number;
      weight.set(i, list.length > 0 ? sum / list.length : (position[i] as number));
    }
    const rank = new Map(layer.map((i, order) => [i, order]));
    layer.sort(
      (a, b) =>
        (weight.get(a) as number) - (weight.get(b) as number) ||
        (rank.get(a) as number) - (rank.get(b) as number),
    );
    place(layer);
  };
  for (let pass = 0; pass < SWEEPS; pass++) {
    for (let l = 1; l < layers.length; l++) sweep(layers[l] as number[], deps);
    for (let l = layers.length - 2; l >= 0; l--) sweep(layers[l] as number[], dependants);
  }
}

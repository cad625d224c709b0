import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bestRowWidth, foldLayers } from '../../../../renderer/map/fit-layout';
import { layoutMap, NODE_HEIGHT, NODE_WIDTH } from '../../../../renderer/map/layout';
import { stepOnMap } from '../../../../renderer/map/map-navigation';

// A wall draws the whole map scaled to its frame: wide layers fold onto rows so it is drawn as
// large as the frame allows, every service inside the drawing and none on top of another.

/** A catalog of `wide` services needing nothing and `wide` more each needing one of them. */
function twoWideLayers(wide: number) {
  const bases = Array.from({ length: wide }, (_, i) => ({ id: `base-${i}`, dependsOn: [] }));
  const tops = bases.map((base, i) => ({ id: `top-${i}`, dependsOn: [base.id] }));
  return layoutMap([...bases, ...tops]);
}

const scaleIn = (size: { width: number; height: number }, frame: { width: number; height: number }) =>
  Math.min(frame.width / size.width, frame.height / size.height);

describe('fitting the map to a wall', () => {
  it('folds wide layers when that draws the map larger in a 16:9 frame', () => {
    const layout = twoWideLayers(12);
    const frame = { width: 1400, height: 800 };
    const perRow = bestRowWidth(layout, frame.width, frame.height);
    expect(perRow).toBeLessThan(12);
    const folded = foldLayers(layout, perRow);
    expect(scaleIn(folded, frame)).toBeGreaterThan(scaleIn(layout, frame) * 1.3);
  });

  it('leaves a map that already fits as it is', () => {
    const layout = twoWideLayers(3);
    expect(bestRowWidth(layout, 1400, 800)).toBe(3);
    expect(foldLayers(layout, 3)).toBe(layout);
  });

  it('keeps layers and order, every node inside the drawing and none overlapping', () => {
    const catalog = fc.array(
      fc.record({
        id: fc.integer({ min: 0, max: 40 }),
        deps: fc.array(fc.integer({ min: 0, max: 40 }), { maxLength: 3 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(
        catalog,
        fc.integer({ min: 300, max: 3000 }),
        fc.integer({ min: 200, max: 2000 }),
        (raw, w, h) => {
          const layout = layoutMap(
            raw.map((service) => ({ id: `s${service.id}`, dependsOn: service.deps.map((id) => `s${id}`) })),
          );
          const folded = foldLayers(layout, bestRowWidth(layout, w, h));
          expect(folded.layers).toBe(layout.layers);
          expect(folded.nodes).toHaveLength(layout.nodes.length);
          const seen = new Set<string>();
          for (const node of folded.nodes) {
            const before = layout.byId.get(node.id);
            expect([node.layer, node.order]).toEqual([before?.layer, before?.order]);
            expect(node.x).toBeGreaterThanOrEqual(0);
            expect(node.y).toBeGreaterThanOrEqual(0);
            expect(node.x + NODE_WIDTH).toBeLessThanOrEqual(folded.width);
            expect(node.y + NODE_HEIGHT).toBeLessThanOrEqual(folded.height);
            const place = `${node.x},${node.y}`;
            expect(seen.has(place)).toBe(false);
            seen.add(place);
          }
          // Never drawn smaller than unfolded.
          if (layout.nodes.length > 0)
            expect(scaleIn(folded, { width: w, height: h })).toBeGreaterThanOrEqual(
              scaleIn(layout, { width: w, height: h }) - 1e-9,
            );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('arrow keys on a folded map', () => {
  it('move Up and Down by the rows drawn, and Left and Right through the layer in order', () => {
    const layout = twoWideLayers(12);
    const folded = foldLayers(layout, 6);
    const at = (id: string) => folded.byId.get(id);
    // Layer 1 (the tops) is folded onto two rows of six: top-0…5 above top-6…11 (in layout order).
    const tops = folded.layers[1] ?? [];
    const firstRow = tops.slice(0, 6);
    const secondRow = tops.slice(6);
    const below = stepOnMap(folded, firstRow[2] ?? '', 'down');
    expect(secondRow).toContain(below);
    expect(at(below ?? '')?.y).toBeGreaterThan(at(firstRow[2] ?? '')?.y ?? 0);
    expect(Math.abs((at(below ?? '')?.x ?? 0) - (at(firstRow[2] ?? '')?.x ?? 0))).toBeLessThan(NODE_WIDTH);
    expect(stepOnMap(folded, below, 'up')).toBe(firstRow[2]);
    // From the second row of the bases, Down is the first row of the tops: the next row drawn.
    const bases = folded.layers[0] ?? [];
    const lastBase = bases[bases.length - 1] ?? '';
    expect(firstRow).toContain(stepOnMap(folded, lastBase, 'down'));
    // Right from the end of a row goes on to the next row of the same layer.
    expect(stepOnMap(folded, firstRow[5] ?? '', 'right')).toBe(secondRow[0]);
    expect(stepOnMap(folded, secondRow[5] ?? '', 'down')).toBe(secondRow[5]);
  });
});

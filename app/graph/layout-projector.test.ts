// What a teacher opens from the menus fits the projector's graph area whole (1280×720 with both
// side columns: 614×527 px) with its text at 14 px or more, once the view has collapsed what it
// collapses to fit (autoCollapse.ts). e2e/readability.spec.ts checks the rendered drawing; this
// checks the layout's size, so a change to the spacing that loses a network is caught here.
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../ad-core/test-support.ts';
import { EXAMPLES } from '../examples.ts';
import { blockViewFor } from '../store/blocks.ts';
import { TRAIN_PRESETS } from '../train/presets.ts';
import { autoCollapseFor } from './autoCollapse.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout, isRespaced, projectorScale, PROJECTOR } from './layout.ts';
import { fitsLegibly } from './useZoom.ts';

const AREA = { width: 614, height: 527 };
/** Longer than the area whatever the spacing (see NETWORK_SIZED in e2e/readability.spec.ts). */
const TOO_BIG = ['Logistic regression', 'XOR with a 2-2-1 network', 'Curve fit with a small MLP'];

const FORMULAS = [
  ...EXAMPLES.map((e) => [e.title, e.formula] as const),
  ...TRAIN_PRESETS.map((p) => [p.title, p.formula] as const),
];

function shown(formula: string) {
  const graph = graphOf(formula);
  const collapsed = autoCollapseFor(graph, AREA, new Map());
  return computeLayout(layoutInputOf(blockViewFor(graph, collapsed)?.graph ?? graph));
}

describe('projector fit', () => {
  it('the projector area is the view fitted at 14 px text (useZoom)', () => {
    const edge = { width: PROJECTOR.width / PROJECTOR.minScale, height: 100 };
    expect(fitsLegibly({ ...edge, width: edge.width - 1 }, AREA)).toBe(true);
    expect(fitsLegibly({ ...edge, width: edge.width + 1 }, AREA)).toBe(false);
  });

  it.each(FORMULAS.filter(([title]) => !TOO_BIG.includes(title)))(
    '%s fits whole at 14 px',
    (_title, formula) => {
      const layout = shown(formula);
      expect(fitsLegibly(layout, AREA)).toBe(true);
      expect(projectorScale(layout)).toBeGreaterThanOrEqual(PROJECTOR.minScale);
    },
  );

  it('the 2-2-1 network and Fit a line fit only re-spaced: level with their first arguments', () => {
    for (const title of ['Tiny network: 2-2-1 with a loss', 'Fit a line']) {
      const formula = FORMULAS.find(([t]) => t === title)![1];
      expect(isRespaced(shown(formula)), title).toBe(true);
    }
  });

  it.each(FORMULAS.filter(([title]) => TOO_BIG.includes(title)))(
    '%s does not fit, and is drawn with the first spacing',
    (_title, formula) => {
      const layout = shown(formula);
      expect(fitsLegibly(layout, AREA)).toBe(false);
      expect(isRespaced(layout)).toBe(false);
    },
  );
});

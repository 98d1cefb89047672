// A very long name is written shortened in its node (laying out a megabyte of SVG text froze the
// page), while the node's accessible name keeps it whole and its shape fits the shortened text.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildTrace, frameAt } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { NAME_DISPLAY_MAX } from '../store/listWindow.ts';
import { FONT, nodeGeometry, shownText, textWidth } from './geometry.ts';
import { GraphView } from './GraphView.tsx';
import { layoutInputOf } from './graphInput.ts';

const LONG = `a${'b'.repeat(99_998)}c`;

function markup(formula: string, point: Record<string, number>): string {
  const graph = graphOf(formula);
  const trace = buildTrace(graph, point, 'reverse');
  return renderToStaticMarkup(
    <GraphView
      graph={trace.graph}
      evaluation={trace.evaluation}
      frame={frameAt(trace, trace.steps.length)}
      stale={false}
      highlighted={new Set()}
      selected={null}
      showEdgePartials={false}
      onHoverNode={() => {}}
      onSelectNode={() => {}}
    />,
  );
}

/** Every text drawn in the graph's nodes and tags (between > and <), entities decoded. */
const texts = (html: string) =>
  [...html.matchAll(/>([^<>]+)</g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe('shownText', () => {
  it('keeps a name of up to 48 characters and shortens a longer one around an ellipsis', () => {
    expect(shownText('x1')).toBe('x1');
    const at = 'n'.repeat(NAME_DISPLAY_MAX);
    expect(shownText(at)).toBe(at);
    const cut = shownText(LONG);
    expect(Array.from(cut)).toHaveLength(NAME_DISPLAY_MAX);
    expect(cut.startsWith('abbb')).toBe(true);
    expect(cut.endsWith('bbbc')).toBe(true);
    expect(cut).toContain('…');
    expect(shownText(cut)).toBe(cut);
    // Counted in characters, not UTF-16 units.
    const wide = '𝑥'.repeat(40);
    expect(shownText(wide)).toBe(wide);
    expect(Array.from(shownText('𝑥'.repeat(60)))).toHaveLength(NAME_DISPLAY_MAX);
  });

  it("makes an input's shape as wide as its shortened name", () => {
    const g = nodeGeometry({ kind: 'input', label: LONG });
    expect(g.w).toBe(nodeGeometry({ kind: 'input', label: shownText(LONG) }).w);
    expect(g.w).toBeLessThan(textWidth(LONG, FONT.inputName));
    expect(layoutInputOf(graphOf(`${LONG} * 2`)).nodes.map((n) => n.label)).toContain(
      shownText(LONG),
    );
  });
});

describe('a node with a very long name', () => {
  it('writes it shortened and keeps it whole in its accessible name', () => {
    const html = markup(`${LONG} * 2`, { [LONG]: 3 });
    const drawn = texts(html);
    expect(drawn.some((t) => t.includes(LONG))).toBe(false);
    expect(drawn).toContain(shownText(LONG));
    expect(html).toContain(`aria-label="v₀ = ${LONG}, input, value 3`);
  });

  it('shortens a long binding name written over its node too', () => {
    const html = markup(`${LONG} = x * 2\n${LONG} + 1`, { x: 3 });
    const drawn = texts(html);
    expect(Math.max(...drawn.map((t) => t.length))).toBeLessThanOrEqual(NAME_DISPLAY_MAX);
    expect(drawn.some((t) => t.startsWith('abbb') && t.includes('…'))).toBe(true);
  });
});

// Every edge label the layout places has room of its own, for every formula a teacher opens from a
// menu, drawn whole and with its blocks collapsed: the partials (all shown at once) cover no node's
// text and no other partial; at each node's reverse step, the contributions arriving at its
// arguments (shown together, in place of those edges' partials) cover no node's text, no partial
// still shown and no other of them. In layout units; e2e/readability.spec.ts checks the same on the
// rendered boxes.
import { describe, expect, it } from 'vitest';
import { blocksOf, type Graph } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { EXAMPLES } from '../examples.ts';
import { LESSONS } from '../lessons/content.ts';
import { blockViewFor } from '../store/blocks.ts';
import { TRAIN_PRESETS } from '../train/presets.ts';
import { INK_HEIGHT, INK_WIDTH, type Box, type Pt } from './edgeLabels.ts';
import { nodeGeometry } from './geometry.ts';
import { layoutInputOf } from './graphInput.ts';
import { computeLayout, nodeBoxes, type Layout, type LayoutInput } from './layout.ts';

/** What a label at `p` draws (its pill, or its text): the layout promises this much room. */
const ink = ([x, y]: Pt): Box => ({
  x0: x - INK_WIDTH / 2,
  y0: y - INK_HEIGHT / 2,
  x1: x + INK_WIDTH / 2,
  y1: y + INK_HEIGHT / 2,
});
const overlap = (a: Box, b: Box) =>
  Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 0.5 && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.5;

/** The labels that cover something shown with them, as readable lines. */
function crowdedLabels(input: LayoutInput, layout: Layout): string[] {
  const problems: string[] = [];
  const nodeText: { box: Box; node: string }[] = [];
  input.nodes.forEach((node, i) => {
    const at = layout.nodes[i]!;
    const g = nodeGeometry(node, at.labelSide ?? 'below');
    for (const box of nodeBoxes(node, g, at.x, at.y)) {
      if (!box.soft) nodeText.push({ box, node: node.label });
    }
  });
  const edgeOf = new Map(input.edges.map((e) => [e.id, e]));
  const name = (id: number) => {
    const e = edgeOf.get(id)!;
    return `${input.nodes[e.from]!.label}→${input.nodes[e.to]!.label}`;
  };
  const mids = layout.edges.map((e) => ({ id: e.id, box: ink(e.mid) }));
  for (const [k, m] of mids.entries()) {
    for (const t of nodeText) if (overlap(m.box, t.box)) problems.push(`∂ on ${name(m.id)} covers ${t.node}`);
    for (const o of mids.slice(k + 1)) {
      if (overlap(m.box, o.box)) problems.push(`∂ on ${name(m.id)} covers ∂ on ${name(o.id)}`);
    }
  }
  for (const v of input.nodes) {
    const into = new Set(input.edges.filter((e) => e.to === v.id).map((e) => e.id));
    const tails = layout.edges.filter((e) => into.has(e.id)).map((e) => ({ id: e.id, box: ink(e.tail) }));
    for (const [k, t] of tails.entries()) {
      const what = `at ${v.label}'s step, the contribution on ${name(t.id)}`;
      for (const x of nodeText) if (overlap(t.box, x.box)) problems.push(`${what} covers ${x.node}`);
      for (const m of mids) {
        if (!into.has(m.id) && overlap(t.box, m.box)) problems.push(`${what} covers ∂ on ${name(m.id)}`);
      }
      for (const o of tails.slice(k + 1)) {
        if (overlap(t.box, o.box)) problems.push(`${what} covers the one on ${name(o.id)}`);
      }
    }
  }
  return problems;
}

/** The graph as drawn with every block open, and with every block collapsed. */
function drawings(graph: Graph): LayoutInput[] {
  const names = blocksOf(graph)
    .filter((b) => b.inner.length > 1)
    .map((b) => b.name);
  const collapsed = blockViewFor(graph, names)?.graph;
  return [layoutInputOf(graph), ...(collapsed ? [layoutInputOf(collapsed)] : [])];
}

const FORMULAS = [
  ...EXAMPLES.map((e) => [e.title, e.formula] as const),
  ...TRAIN_PRESETS.map((p) => [p.title, p.formula] as const),
  ...[...new Set(LESSONS.flatMap((l) => l.pages.map((p) => p.formula)))].map((f) => [f, f] as const),
];

describe('edge label room', () => {
  it.each(FORMULAS)('%s: every edge label clear of what is shown with it', (_title, formula) => {
    for (const input of drawings(graphOf(formula))) {
      expect(crowdedLabels(input, computeLayout(input))).toEqual([]);
    }
  });
});

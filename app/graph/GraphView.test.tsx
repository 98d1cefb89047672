// The testing contract, checked on server-rendered markup (the unit tests run without a DOM; the
// layout of small graphs happens during render, so every node is in the first render).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildTrace, formatNumber, frameAt, type Frame, type Trace } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { signed } from './GraphEdge.tsx';
import { GraphView, canvasExtent } from './GraphView.tsx';

function render(
  trace: Trace,
  frame: Frame,
  extra: { stale?: boolean; selected?: number | null; partials?: boolean } = {},
) {
  return renderToStaticMarkup(
    <GraphView
      graph={trace.graph}
      evaluation={trace.evaluation}
      frame={frame}
      stale={extra.stale ?? false}
      highlighted={new Set()}
      selected={extra.selected ?? null}
      showEdgePartials={extra.partials ?? false}
      onHoverNode={() => {}}
      onSelectNode={() => {}}
    />,
  );
}

/** Attributes of each `data-testid="graph-node"` element, by node id. */
function nodes(markup: string): Map<number, Record<string, string>> {
  const out = new Map<number, Record<string, string>>();
  for (const match of markup.matchAll(/<g [^>]*data-testid="graph-node"[^>]*>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of match[0].matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.set(Number(attrs['data-node-id']), attrs);
  }
  return out;
}

const unescape = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'");

describe('GraphView testing contract', () => {
  const graph = graphOf('sin(x*y) + exp(x)/y');
  const trace = buildTrace(graph, { x: 1, y: 2 }, 'reverse');

  it('renders one focusable button per node with data-op and full-precision data-*', () => {
    for (const k of [0, 3, Math.floor(trace.steps.length / 2), trace.steps.length]) {
      const frame = frameAt(trace, k);
      const found = nodes(render(trace, frame));
      expect(found.size).toBe(graph.nodes.length);
      for (const node of graph.nodes) {
        const attrs = found.get(node.id)!;
        expect(attrs['data-op']).toBe(node.op);
        expect(attrs['tabindex']).toBe('0');
        expect(attrs['role']).toBe('button');
        expect(attrs['aria-label']).toContain(node.name);
        const v = frame.values[node.id];
        const a = frame.adjoints[node.id];
        expect(attrs['data-value']).toBe(v === null || v === undefined ? '' : String(v));
        expect(attrs['data-adjoint']).toBe(a === null || a === undefined ? '' : String(a));
        expect(attrs['data-tangent']).toBeUndefined();
      }
    }
  });

  it('adds data-tangent in forward mode', () => {
    const fwd = buildTrace(graph, { x: 1, y: 2 }, 'forward', { x: 1, y: 0 });
    const frame = frameAt(fwd, fwd.steps.length);
    const found = nodes(render(fwd, frame));
    for (const node of graph.nodes) {
      const t = frame.tangents[node.id];
      expect(found.get(node.id)!['data-tangent']).toBe(
        t === null || t === undefined ? '' : String(t),
      );
    }
  });

  it('writes NaN out and marks it', () => {
    const g = graphOf('log(x) + 1');
    const t = buildTrace(g, { x: -1 }, 'reverse');
    const markup = render(t, frameAt(t, t.steps.length));
    const log = g.nodes.find((n) => n.op === 'log')!;
    expect(nodes(markup).get(log.id)!['data-value']).toBe('NaN');
    expect(markup).toContain('⚠ NaN');
    expect(markup).toContain('gv-node--nonfinite');
  });

  it('marks a node where a derivative convention applied, with the rule in words', () => {
    const g = graphOf('abs(x)');
    const t = buildTrace(g, { x: 0 }, 'reverse');
    const rule = t.evaluation.conventions.get(g.output);
    expect(rule).toBeTruthy();
    const markup = unescape(render(t, frameAt(t, t.steps.length)));
    expect(markup).toContain('gv-node--convention');
    expect(markup).toContain(`Convention used here: ${rule}`);
  });

  it('dims a stale graph and says so', () => {
    const markup = render(trace, frameAt(trace, 0), { stale: true });
    expect(markup).toContain('gv--stale');
    expect(markup).toContain('Showing the last valid formula');
    expect(nodes(markup).size).toBe(graph.nodes.length);
  });

  it('shows the selected node in full precision', () => {
    const frame = frameAt(trace, trace.steps.length);
    const sin = graph.nodes.find((n) => n.op === 'sin')!;
    const markup = render(trace, frame, { selected: sin.id });
    expect(markup).toContain(String(frame.values[sin.id]));
    expect(nodes(markup).get(sin.id)!['aria-pressed']).toBe('true');
  });

  it('prints local partials on edges once the consumer is computed, never on a constant', () => {
    const g = graphOf('x^2 + sin(x)');
    const t = buildTrace(g, { x: -1.5 }, 'reverse');
    // At the seed step every value is known and nothing travels (an edge carrying a contribution
    // shows its amount instead of its partial).
    const seed = t.steps.findIndex((st) => st.kind === 'seed-adjoint') + 1;
    const done = render(t, frameAt(t, seed), { partials: true });
    const tags = [...done.matchAll(/<text class="gv-edge-label gv-tag-partial"[^>]*>.*?<\/text>/g)]
      .length;
    const fromConstants = g.edges.filter((e) => g.nodes[e.from]!.kind === 'constant').length;
    expect(tags).toBe(g.edges.length - fromConstants);
    const sinEdge = g.edges.find((e) => g.nodes[e.to]!.op === 'sin')!;
    expect(done).toContain(`∂\u2009${formatNumber(t.evaluation.partials[sinEdge.id]!)}`);
    expect(render(t, frameAt(t, 0), { partials: true })).not.toContain('gv-tag-partial');
    expect(render(t, frameAt(t, t.steps.length))).not.toContain('gv-tag-partial');
  });

  it('sends each reverse contribution back along its edge, with its amount', () => {
    const k =
      trace.steps.findIndex((s) => s.kind === 'propagate' && s.contributions.length === 2) + 1;
    const step = trace.steps[k - 1]!;
    if (step.kind !== 'propagate') throw new Error('no propagate step');
    const markup = render(trace, frameAt(trace, k));
    expect([...markup.matchAll(/gv-flow gv-flow--adjoint gv-flow--back/g)]).toHaveLength(2);
    for (const c of step.contributions) expect(markup).toContain(`>${signed(c.amount)}</text>`);
    expect([...markup.matchAll(/gv-edge gv-edge--active/g)]).toHaveLength(2);
  });

  it("draws a large graph's edges as one bundle, and the step's edges on their own over it", () => {
    const terms = Array.from({ length: 12 }, (_, i) => `sin(${i + 1}*x*y)`);
    const big = buildTrace(graphOf(terms.join(' + ')), { x: 0.5, y: 2 }, 'reverse');
    expect(big.graph.nodes.length).toBeGreaterThan(40);
    const k =
      big.steps.findIndex((s) => s.kind === 'propagate' && s.contributions.length === 2) + 1;
    const markup = render(big, frameAt(big, k));
    const bundle =
      /<g class="gv-edge-bundle"[^>]*><path class="gv-edge-line" d="([^"]*)"><\/path><path class="gv-edge-heads" d="([^"]*)">/.exec(
        markup,
      );
    expect(bundle).not.toBeNull();
    // One arrowhead per edge; one move-to per line.
    expect(bundle![2]!.match(/Z/g)).toHaveLength(big.graph.edges.length);
    expect(bundle![1]!.match(/M/g)).toHaveLength(big.graph.edges.length);
    // Only the two edges the step's contributions travel are elements of their own.
    expect([...markup.matchAll(/<g class="gv-edge[ "]/g)]).toHaveLength(2);
    expect([...markup.matchAll(/gv-edge gv-edge--active/g)]).toHaveLength(2);
  });

  it('has a labelled fit-to-view button', () => {
    // "Fit" on screen, named in full for assistive technology (the name contains the visible text).
    expect(render(trace, frameAt(trace, 0))).toMatch(/<button[^>]*aria-label="Fit to view"[^>]*>Fit<\/button>/);
  });
});

describe('canvasExtent', () => {
  it('covers the drawing, and stays put while a drawing grows a little', () => {
    for (const v of [1, 300, 511, 512, 513, 2000])
      expect(canvasExtent(v)).toBeGreaterThanOrEqual(v);
    expect(canvasExtent(1210)).toBe(canvasExtent(1240));
    expect(canvasExtent(0)).toBe(0);
  });
});

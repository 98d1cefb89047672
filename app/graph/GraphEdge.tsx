// One edge, argument → consumer, with an arrowhead; optionally its local partial; and, while it
// carries something in the current step, a dotted track and a moving dot showing which way it
// travels (values and tangents forward, adjoint contributions backward), its amount beside.
import { memo, useLayoutEffect, useRef } from 'react';
import { curveBasis, line } from 'd3';
import { formatNumber } from '../../ad-core/index.ts';
import { FONT, textWidth } from './geometry.ts';

export type FlowKind = 'value' | 'tangent' | 'adjoint';

export interface EdgeFlow {
  kind: FlowKind;
  /** Amount added at the receiving end (contributions), if any. */
  amount: number | null;
}

export interface GraphEdgeViewProps {
  id: number;
  /** The edge's path (edgePath of its layout points), computed once per layout. */
  d: string;
  mid: [number, number];
  tail: [number, number];
  active: boolean;
  flow: EdgeFlow | null;
  /** The local partial to print on the edge, or null to print none. */
  partial: number | null;
  /** Name of the sum the flow adds to (`v̄₁`), written before its amount. */
  receiver: string;
  markers: { arrow: string; arrowActive: string; flowBack: string };
  /** Lines go under the nodes, labels over them. */
  layer: 'line' | 'label';
  /** Whether a new layout morphs the line into its new shape (small graphs only). */
  morph: boolean;
}

const curve = line().curve(curveBasis);
/** A few trips make the direction plain; after them the dot goes, and a paused step costs no
 * frames at all (the dotted track and its arrowhead still say which way). */
const FLOW_TRIPS = 3;
const TRIP_SECONDS = 1.1;

export function edgePath(points: [number, number][]): string {
  return curve(points) ?? '';
}

const samePoint = (p: [number, number], q: [number, number]) => p[0] === q[0] && p[1] === q[1];

/**
 * Whether two sets of props draw the same edge: a new layout is new point arrays and a new frame
 * new flow objects for every edge, even where nothing moved, so those are compared by value (an
 * edit leaves most edges and their labels where they were, and React can skip them).
 */
export function sameEdgeView(a: GraphEdgeViewProps, b: GraphEdgeViewProps): boolean {
  for (const key of Object.keys(a) as (keyof GraphEdgeViewProps)[]) {
    if (key === 'mid' || key === 'tail' || key === 'flow') continue;
    if (!Object.is(a[key], b[key])) return false;
  }
  return (
    Object.keys(a).length === Object.keys(b).length &&
    samePoint(a.mid, b.mid) &&
    samePoint(a.tail, b.tail) &&
    (a.flow === b.flow ||
      (a.flow !== null &&
        b.flow !== null &&
        a.flow.kind === b.flow.kind &&
        Object.is(a.flow.amount, b.flow.amount)))
  );
}

export const GraphEdgeView = memo(function GraphEdgeView(props: GraphEdgeViewProps) {
  const { d, mid, active, flow, partial, markers } = props;
  const backwards = flow?.kind === 'adjoint';
  if (props.layer === 'label') {
    const amount = flow?.amount ?? null;
    if (partial === null && amount === null) return null;
    // While a contribution travels the edge its amount replaces the partial (the amount is the
    // partial times the adjoint, and the step explanation spells that product out).
    return (
      <>
        {partial !== null && amount === null && (
          // One element per partial, kept legible over the lines by its halo (paint-order
          // stroke): with every edge labelled, a pill and a tooltip each were a third of the
          // drawing's elements, all laid out and painted again after each keystroke. A thin
          // space, narrow enough for the halo to close over it, so no line shows through.
          <g transform={`translate(${mid[0]},${mid[1]})`}>
            <text className="gv-edge-label gv-tag-partial" dy="0.35em">
              {`∂\u2009${formatNumber(partial)}`}
            </text>
          </g>
        )}
        {flow && amount !== null && (
          <EdgeTag
            className={`gv-amount gv-amount--${flow.kind}`}
            x={(backwards ? props.tail : mid)[0]}
            y={(backwards ? props.tail : mid)[1]}
            text={signed(amount)}
            title={`${props.receiver} += ${String(amount)}`}
          />
        )}
      </>
    );
  }
  return (
    <g className={active ? 'gv-edge gv-edge--active' : 'gv-edge'} data-edge-id={props.id}>
      <path
        className="gv-edge-line"
        d={d}
        // The CSS `d` property is what a transition can morph; without one the attribute suffices
        // and spares the style engine a path to parse per edge.
        style={props.morph ? { d: `path("${d}")` } : undefined}
        markerEnd={`url(#${active ? markers.arrowActive : markers.arrow})`}
      />
      {flow && (
        <path
          className={`gv-flow gv-flow--${flow.kind}${backwards ? ' gv-flow--back' : ''}`}
          d={d}
          markerStart={backwards ? `url(#${markers.flowBack})` : undefined}
        />
      )}
    </g>
  );
}, sameEdgeView);

/** A short label threaded on its edge, on a pill so it stays legible over what it crosses. Placed
 * by a transform of its group: an edit moves most edges, and moving a group costs Chromium no text
 * layout, where new x/y on the <text> made it lay out every label again. */
function EdgeTag(props: { className: string; x: number; y: number; text: string; title: string }) {
  const { x, y, text } = props;
  const w = textWidth(text, FONT.edgeLabel) + 12;
  return (
    <g className={`gv-edge-tag ${props.className}`} transform={`translate(${x},${y})`}>
      <title>{props.title}</title>
      <rect x={-w / 2} y={-11} width={w} height={22} rx={11} />
      <text className="gv-edge-label" dy="0.35em">
        {text}
      </text>
    </g>
  );
}

/** `+0.5`, `−0.6796`: what a contribution adds, sign always shown. */
export function signed(x: number): string {
  const text = formatNumber(x);
  return text.startsWith('−') || Number.isNaN(x) ? text : `+${text}`;
}

/**
 * A dot travelling an edge the way the quantity goes. SMIL moves it along the curve; the dots live
 * in an overlay <svg> of their own (see GraphView), so a moving dot repaints the dot and not the
 * whole graph, which on a large graph was most of every frame while playing. Begun on mount: a
 * SMIL `begin` of 0 would mean the page's load, long past.
 */
export const FlowDot = memo(function FlowDot(props: { d: string; kind: FlowKind }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  const shown = useRef<SVGSetElement>(null);
  const { d, kind } = props;
  useLayoutEffect(() => {
    motion.current?.beginElement?.();
    shown.current?.beginElement?.();
  }, [d, kind]);
  const backwards = kind === 'adjoint';
  return (
    <circle className={`gv-flow-dot gv-flow-dot--${kind}`} r={6} opacity={0}>
      <animateMotion
        ref={motion}
        begin="indefinite"
        dur={`${TRIP_SECONDS}s`}
        repeatCount={FLOW_TRIPS}
        path={d}
        keyPoints={backwards ? '1;0' : '0;1'}
        keyTimes="0;1"
        calcMode="linear"
      />
      <set
        ref={shown}
        attributeName="opacity"
        to="1"
        begin="indefinite"
        dur={`${TRIP_SECONDS * FLOW_TRIPS}s`}
      />
    </circle>
  );
});

// One edge, argument → consumer, with an arrowhead; optionally its local partial; and, while it
// carries something in the current step, a dotted track and a moving dot showing which way it
// travels (values and tangents forward, adjoint contributions backward), its amount beside.
import { memo } from 'react';
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
  points: [number, number][];
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
  /** Whether the flow may move (false under prefers-reduced-motion). */
  animate: boolean;
  /** Whether a new layout morphs the line into its new shape (small graphs only). */
  morph: boolean;
}

const curve = line().curve(curveBasis);
const FLOW_TRIPS = 3;

export function edgePath(points: [number, number][]): string {
  return curve(points) ?? '';
}

export const GraphEdgeView = memo(function GraphEdgeView(props: GraphEdgeViewProps) {
  const { points, mid, active, flow, partial, markers } = props;
  const d = edgePath(points);
  const backwards = flow?.kind === 'adjoint';
  if (props.layer === 'label') {
    const amount = flow?.amount ?? null;
    if (partial === null && amount === null) return null;
    // While a contribution travels the edge its amount replaces the partial (the amount is the
    // partial times the adjoint, and the step explanation spells that product out).
    return (
      <g className="gv-edge-labels">
        {partial !== null && amount === null && (
          <EdgeTag
            className="gv-tag-partial"
            x={mid[0]}
            y={mid[1]}
            text={`∂ ${formatNumber(partial)}`}
            title={`local partial ∂(consumer)/∂(argument) = ${String(partial)}`}
          />
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
      </g>
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
      {flow && props.animate && (
        // A dot travelling the edge, the way the quantity goes. SMIL moves it along the curve and
        // repaints only the dot (a CSS dash animation repaints the whole edge's box each frame,
        // which on a large graph is most of the screen). Not rendered under reduced motion.
        // A few trips make the direction plain; after them the dot rests where the quantity
        // arrives, so a paused step costs no frames at all.
        <circle className={`gv-flow-dot gv-flow-dot--${flow.kind}`} r={6}>
          <animateMotion
            dur="1.1s"
            repeatCount={FLOW_TRIPS}
            fill="freeze"
            path={d}
            keyPoints={backwards ? '1;0' : '0;1'}
            keyTimes="0;1"
            calcMode="linear"
          />
        </circle>
      )}
    </g>
  );
});

/** A short label threaded on its edge, on a pill so it stays legible over what it crosses. */
function EdgeTag(props: { className: string; x: number; y: number; text: string; title: string }) {
  const { x, y, text } = props;
  const w = textWidth(text, FONT.edgeLabel) + 12;
  return (
    <g className={`gv-edge-tag ${props.className}`}>
      <title>{props.title}</title>
      <rect x={x - w / 2} y={y - 11} width={w} height={22} rx={11} />
      <text className="gv-edge-label" x={x} y={y} dy="0.35em">
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

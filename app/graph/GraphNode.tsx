// One node of the graph: its shape and symbol, its Wengert name with its value, its adjoint (or
// tangent) once known, and markers for non-finite numbers and derivative conventions.
import { memo, useState, type KeyboardEvent } from 'react';
import { formatNumber, type Graph, type GraphNode } from '../../ad-core/index.ts';
import {
  FONT,
  LABEL_GAP,
  LINE_HEIGHT,
  nodeGeometry,
  textWidth,
  type NodeGeometry,
} from './geometry.ts';
import {
  adjointName,
  ariaLabel,
  dataValue,
  isNonFinite,
  shortRule,
  tangentName,
  wrap,
} from './labels.ts';

export interface GraphNodeViewProps {
  graph: Graph;
  node: GraphNode;
  x: number;
  y: number;
  value: number | null;
  adjoint: number | null;
  tangent: number | null;
  forwardMode: boolean;
  rule: string | undefined;
  current: boolean;
  highlighted: boolean;
  selected: boolean;
  onHover(id: number | null): void;
  onFocusNode(id: number): void;
  onSelect(id: number): void;
}

/** Baseline of label line `k` (0-based), measured from the shape's centre. */
export function labelBaseline(g: NodeGeometry, k: number): number {
  return g.h / 2 + LABEL_GAP + (k + 1) * LINE_HEIGHT - 5;
}

const RULE_CHARS = 20;

export const GraphNodeView = memo(function GraphNodeView(props: GraphNodeViewProps) {
  const { graph, node, value, adjoint, tangent, forwardMode, rule } = props;
  // The focus ring is drawn only while the node has focus (CSS still shows it only for
  // :focus-visible), one outline fewer per node for every other moment.
  const [focused, setFocused] = useState(false);
  // Likewise the tooltip: a <title> per node is an element per node to style on every keystroke,
  // and it only matters under the pointer (the accessible name is the aria-label).
  const [hovered, setHovered] = useState(false);
  const g = nodeGeometry(node);
  const nonFinite = isNonFinite(value) || isNonFinite(adjoint) || isNonFinite(tangent);
  const classes = [
    'gv-node',
    `gv-node--${node.kind}`,
    props.current && 'gv-node--current',
    props.highlighted && 'gv-node--highlighted',
    props.selected && 'gv-node--selected',
    nonFinite && 'gv-node--nonfinite',
    rule && 'gv-node--convention',
    node.id === graph.output && 'gv-node--output',
  ]
    .filter(Boolean)
    .join(' ');

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect(node.id);
    }
  };

  const label = ariaLabel(graph, node, { value, adjoint, tangent }, rule);
  const second = forwardMode ? tangent : adjoint;

  return (
    <g
      className={classes}
      style={{ transform: `translate(${props.x}px, ${props.y}px)` }}
      data-testid="graph-node"
      data-node-id={node.id}
      data-op={node.op}
      data-value={dataValue(value)}
      data-adjoint={dataValue(adjoint)}
      {...(forwardMode ? { 'data-tangent': dataValue(tangent) } : {})}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={props.selected}
      onClick={(event) => {
        event.stopPropagation();
        props.onSelect(node.id);
      }}
      onKeyDown={onKeyDown}
      onMouseEnter={() => {
        setHovered(true);
        props.onHover(node.id);
      }}
      onMouseLeave={() => {
        setHovered(false);
        props.onHover(null);
      }}
      onFocus={() => {
        setFocused(true);
        props.onHover(node.id);
        props.onFocusNode(node.id);
      }}
      onBlur={() => {
        setFocused(false);
        props.onHover(null);
      }}
    >
      {(hovered || focused) && <title>{label}</title>}
      {/* Halo and selection ring exist only while shown: on a large graph every element per node
          is paid for in style, layout and paint after each keystroke. */}
      {props.highlighted && <Outline g={g} className="gv-halo" pad={7} />}
      {props.selected && <Outline g={g} className="gv-select-ring" pad={10} />}
      {focused && <Outline g={g} className="gv-focus-ring" pad={14} />}
      <Outline g={g} className="gv-shape" pad={0} />
      <text
        className="gv-symbol"
        dy="0.35em"
        style={
          node.kind === 'op' && textWidth(node.label, FONT.symbol) > g.w - 10
            ? { fontSize: FONT.symbolLong }
            : undefined
        }
      >
        {node.label}
      </text>
      {(node.id === graph.output || (node.binding && node.kind === 'op')) && (
        <text className="gv-tag" y={-g.h / 2 - 8}>
          {node.binding && node.kind === 'op'
            ? node.id === graph.output
              ? `${node.binding} · output`
              : `${node.binding} =`
            : 'output'}
        </text>
      )}
      {nonFinite && (
        <g
          className="gv-badge gv-badge--error"
          transform={`translate(${g.w / 2 - 2}, ${-g.h / 2 + 2})`}
        >
          <circle r={9} />
          <text dy="0.35em">!</text>
        </g>
      )}
      {rule && (
        <g
          className="gv-badge gv-badge--rule"
          transform={`translate(${-g.w / 2 + 2}, ${-g.h / 2 + 2})`}
        >
          <title>{`Convention used here: ${rule}`}</title>
          <circle r={9} />
          <text dy="0.35em">§</text>
        </g>
      )}
      {node.kind !== 'constant' && (
        <g className="gv-labels">
          {/* " = " is the line's own text, in the line's muted colour: one element fewer per line
              to lay out, which on a large graph is a measurable part of every keystroke. */}
          <text className="gv-line gv-pair" y={labelBaseline(g, 0)}>
            <tspan className="gv-wengert">{node.name}</tspan>
            {value !== null && (
              <>
                {' = '}
                <tspan
                  className={isNonFinite(value) ? 'gv-num gv-value gv-bad' : 'gv-num gv-value'}
                >
                  {isNonFinite(value) ? `⚠ ${formatNumber(value)}` : formatNumber(value)}
                </tspan>
              </>
            )}
          </text>
          {second !== null && (
            <text
              className={forwardMode ? 'gv-line gv-tangent gv-pair' : 'gv-line gv-adjoint gv-pair'}
              y={labelBaseline(g, 1)}
            >
              <tspan className="gv-wengert">
                {forwardMode ? tangentName(node.name) : adjointName(node.name)}
              </tspan>
              {' = '}
              <tspan className={isNonFinite(second) ? 'gv-num gv-bad' : 'gv-num'}>
                {isNonFinite(second) ? `⚠ ${formatNumber(second)}` : formatNumber(second)}
              </tspan>
            </text>
          )}
          {rule &&
            wrap(`§ ${shortRule(rule)}`, RULE_CHARS, 2).map((line, k) => (
              <text key={k} className="gv-line gv-rule" y={labelBaseline(g, 2 + k)}>
                {line}
              </text>
            ))}
        </g>
      )}
    </g>
  );
});

function Outline({ g, className, pad }: { g: NodeGeometry; className: string; pad: number }) {
  if (g.shape === 'circle') return <circle className={className} r={g.w / 2 + pad} />;
  const w = g.w + 2 * pad;
  const h = g.h + 2 * pad;
  const rx = g.shape === 'pill' ? h / 2 : 10 + pad;
  return <rect className={className} x={-w / 2} y={-h / 2} width={w} height={h} rx={rx} />;
}

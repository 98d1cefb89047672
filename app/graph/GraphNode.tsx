// One node of the graph: its shape and symbol, its Wengert name with its value, its adjoint (or
// tangent) once known, and markers for non-finite numbers and derivative conventions.
import { memo, useState, type KeyboardEvent } from 'react';
import { formatNumber, outputTag, type Graph, type GraphNode } from '../../ad-core/index.ts';
import {
  FONT,
  LABEL_GAP,
  LEFT_LABEL_GAP,
  LINE_HEIGHT,
  nodeGeometry,
  shownText,
  textWidth,
  type LabelSide,
  type NodeGeometry,
} from './geometry.ts';
import {
  adjointName,
  ariaLabel,
  dataValue,
  definition,
  isNonFinite,
  tagOf,
  tangentName,
} from './labels.ts';
import { useIsBugOrigin } from '../buglab/useBugOrigin.ts';
import { useDual } from '../dual/dualStore.ts';

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
  /** The node is a binding's, drawn expanded: its tag (or C) collapses it into one block. */
  blockName?: string | undefined;
  onToggleBlock?: ((name: string) => void) | undefined;
  /** The node's id in the full graph when this one is drawn in a view with blocks collapsed. */
  sourceId?: number | undefined;
  /** Where an input's label lines go, as the layout placed it (default: on its left). */
  labelSide?: LabelSide | undefined;
}

/** Baseline of label line `k` (0-based), measured from the shape's centre. */
export function labelBaseline(g: NodeGeometry, k: number): number {
  // On the left, the two lines sit centred on the shape.
  if (g.labelSide === 'left') return (k - g.labelLines / 2 + 1) * LINE_HEIGHT - 5;
  return g.h / 2 + LABEL_GAP + (k + 1) * LINE_HEIGHT - 5;
}

/** Where label lines are anchored: under the centre, or right-aligned left of the shape. */
function labelPlacement(g: NodeGeometry): { x?: number; className: string } {
  return g.labelSide === 'left'
    ? { x: -(g.w / 2 + LEFT_LABEL_GAP), className: ' gv-line--left' }
    : { className: '' };
}

/**
 * Whether two sets of props draw the same node. Every edit compiles a new graph whose nodes are
 * new objects (and, past the edit, other ids), so comparing `graph` and `node` by identity would
 * re-render every node on every keystroke: they are compared by what this view reads from them
 * (the node's own fields, its definition in words, its tag), the rest shallowly.
 */
export function sameNodeView(a: GraphNodeViewProps, b: GraphNodeViewProps): boolean {
  for (const key of Object.keys(a) as (keyof GraphNodeViewProps)[]) {
    if (key === 'graph' || key === 'node') continue;
    if (!Object.is(a[key], b[key])) return false;
  }
  if (Object.keys(a).length !== Object.keys(b).length) return false;
  if (a.graph === b.graph && a.node === b.node) return true;
  const p = a.node;
  const q = b.node;
  return (
    p.id === q.id &&
    p.kind === q.kind &&
    p.op === q.op &&
    p.label === q.label &&
    p.name === q.name &&
    p.binding === q.binding &&
    (p.id === a.graph.output) === (q.id === b.graph.output) &&
    (a.graph.outputs.length < 2 && b.graph.outputs.length < 2
      ? true
      : outputTag(a.graph, p.id) === outputTag(b.graph, q.id)) &&
    definition(a.graph, p) === definition(b.graph, q)
  );
}

export const GraphNodeView = memo(function GraphNodeView(props: GraphNodeViewProps) {
  const { graph, node, value, adjoint, tangent, forwardMode, rule } = props;
  // The focus ring is drawn only while the node has focus (CSS still shows it only for
  // :focus-visible), one outline fewer per node for every other moment.
  const [focused, setFocused] = useState(false);
  // Likewise the tooltip: a <title> per node is an element per node to style on every keystroke,
  // and it only matters under the pointer (the accessible name is the aria-label).
  const [hovered, setHovered] = useState(false);
  const nonFinite = isNonFinite(value) || isNonFinite(adjoint) || isNonFinite(tangent);
  const bugOrigin = useIsBugOrigin(node.id);
  // Dual numbers: the tangent line reads as the ε part of `value + tangent·ε`.
  const dual = useDual((s) => s.on) && forwardMode;
  const { blockName, onToggleBlock } = props;
  const classes = [
    'gv-node',
    `gv-node--${node.kind}`,
    props.current && 'gv-node--current',
    props.highlighted && 'gv-node--highlighted',
    props.selected && 'gv-node--selected',
    nonFinite && 'gv-node--nonfinite',
    rule && 'gv-node--convention',
    node.id === graph.output && 'gv-node--output',
    blockName !== undefined && onToggleBlock && 'gv-node--binding',
    bugOrigin && 'gv-node--bug-origin',
  ]
    .filter(Boolean)
    .join(' ');

  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (blockName !== undefined && onToggleBlock && (event.key === 'c' || event.key === 'C')) {
      event.preventDefault();
      onToggleBlock(blockName);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      props.onSelect(node.id);
    }
  };

  const label =
    ariaLabel(graph, node, { value, adjoint, tangent }, rule) +
    (blockName !== undefined && onToggleBlock ? `, block ${blockName}: press C to collapse` : '');
  return (
    <g
      className={classes}
      style={{ transform: `translate(${props.x}px, ${props.y}px)` }}
      data-testid="graph-node"
      data-node-id={props.sourceId ?? node.id}
      data-op={node.op}
      data-value={dataValue(value)}
      data-adjoint={dataValue(adjoint)}
      {...(forwardMode ? { 'data-tangent': dataValue(tangent) } : {})}
      {...(blockName !== undefined && onToggleBlock
        ? { 'data-collapsed': 'false', 'data-block': blockName }
        : {})}
      {...(bugOrigin ? { 'data-bug-origin': 'true' } : {})}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={props.selected}
      onClick={(event) => {
        event.stopPropagation();
        // The binding's tag is the block's handle: clicking it collapses the block.
        if (
          blockName !== undefined &&
          onToggleBlock &&
          event.target instanceof Element &&
          event.target.closest('.gv-tag')
        ) {
          onToggleBlock(blockName);
          return;
        }
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
      <NodeBody
        labelSide={props.labelSide ?? 'left'}
        kind={node.kind}
        // Written shortened past 48 characters (the aria-label and tooltip keep them whole).
        symbol={shownText(node.label)}
        name={shownText(node.name)}
        tag={shownTag(tagOf(node, outputTag(graph, node.id) ?? node.id === graph.output))}
        value={value}
        second={forwardMode ? tangent : adjoint}
        forwardMode={forwardMode}
        dual={dual}
        rule={rule}
        nonFinite={nonFinite}
        highlighted={props.highlighted}
        selected={props.selected}
        focused={focused}
      />
    </g>
  );
}, sameNodeView);

const shownTag = (tag: string | null) => (tag === null ? null : shownText(tag));

interface NodeBodyProps {
  labelSide: LabelSide;
  kind: GraphNode['kind'];
  symbol: string;
  name: string;
  tag: string | null;
  value: number | null;
  /** The adjoint, or in forward mode the tangent. */
  second: number | null;
  forwardMode: boolean;
  /** Write the tangent as the ε part of a dual number (`+ 0.5ε`). */
  dual: boolean;
  rule: string | undefined;
  /** Some number of the node is NaN or ±∞. */
  nonFinite: boolean;
  highlighted: boolean;
  selected: boolean;
  focused: boolean;
}

/**
 * What is drawn inside a node, from plain values only: after an edit every node is a new object
 * and most have moved, but the nodes before the edit in the tape read exactly as they did, and
 * this memo lets React skip their contents, leaving one transform to update.
 */
const NodeBody = memo(function NodeBody(props: NodeBodyProps) {
  const { kind, value, second, forwardMode, rule } = props;
  const g = nodeGeometry({ kind, label: props.symbol }, props.labelSide);
  const valueBad = isNonFinite(value);
  const secondBad = isNonFinite(second);
  return (
    <>
      {/* Halo and selection ring exist only while shown: on a large graph every element per node
          is paid for in style, layout and paint after each keystroke. */}
      {props.highlighted && <Outline g={g} className="gv-halo" pad={7} />}
      {props.selected && <Outline g={g} className="gv-select-ring" pad={10} />}
      {props.focused && <Outline g={g} className="gv-focus-ring" pad={14} />}
      <Outline g={g} className="gv-shape" pad={0} />
      <text
        className="gv-symbol"
        dy="0.35em"
        style={
          kind === 'op' && textWidth(props.symbol, FONT.symbol) > g.w - 10
            ? { fontSize: FONT.symbolLong }
            : undefined
        }
      >
        {props.symbol}
      </text>
      {props.tag !== null && (
        <text className="gv-tag" y={-g.h / 2 - 8}>
          {props.tag}
        </text>
      )}
      {props.nonFinite && (
        <g className="gv-badge gv-badge--error" transform={`translate(${badgeX(g)}, ${badgeY(g)})`}>
          <circle r={10} />
          <text dy="0.35em">!</text>
        </g>
      )}
      {rule && (
        <g className="gv-badge gv-badge--rule" transform={`translate(${-badgeX(g)}, ${badgeY(g)})`}>
          <title>{`Convention used here: ${rule}`}</title>
          <circle r={10} />
          <text dy="0.35em">§</text>
        </g>
      )}
      {kind !== 'constant' && (
        // Each line is "name = " as the line's own text (muted, in italics) with the number as
        // its one <tspan>: a <text> per line and no wrapper, the fewest elements that keep the
        // number's colour, which on a large graph are laid out again after every keystroke.
        <>
          <text
            className={`gv-line gv-pair${labelPlacement(g).className}`}
            x={labelPlacement(g).x}
            y={labelBaseline(g, 0)}
          >
            {value === null ? props.name : `${props.name} = `}
            {value !== null && (
              <tspan className={valueBad ? 'gv-num gv-value gv-bad' : 'gv-num gv-value'}>
                {valueBad ? `⚠ ${formatNumber(value)}` : formatNumber(value)}
              </tspan>
            )}
          </text>
          {second !== null && (
            <text
              className={`${forwardMode ? 'gv-line gv-tangent gv-pair' : 'gv-line gv-adjoint gv-pair'}${labelPlacement(g).className}`}
              x={labelPlacement(g).x}
              y={labelBaseline(g, 1)}
            >
              {props.dual
                ? second < 0 || Object.is(second, -0)
                  ? '− '
                  : '+ '
                : `${forwardMode ? tangentName(props.name) : adjointName(props.name)} = `}
              <tspan className={secondBad ? 'gv-num gv-bad' : 'gv-num'}>
                {secondBad
                  ? `⚠ ${formatNumber(second)}`
                  : formatNumber(props.dual ? Math.abs(second) : second)}
              </tspan>
              {props.dual && 'ε'}
            </text>
          )}
        </>
      )}
    </>
  );
});

function Outline({ g, className, pad }: { g: NodeGeometry; className: string; pad: number }) {
  if (g.shape === 'circle') return <circle className={className} r={g.w / 2 + pad} />;
  const w = g.w + 2 * pad;
  const h = g.h + 2 * pad;
  const rx = g.shape === 'pill' ? h / 2 : 10 + pad;
  return <rect className={className} x={-w / 2} y={-h / 2} width={w} height={h} rx={rx} />;
}

/**
 * Where a badge (! or §) sits: on the shape's upper corner, low enough that it stays clear of the
 * tag written over the node (`output`, a binding's name). On a circle that is the point at 45°.
 */
function badgeX(g: NodeGeometry): number {
  return g.shape === 'circle' ? (g.w / 2 + 3) * Math.SQRT1_2 : g.w / 2 - 4;
}

// Just outside the circle, so that a wide symbol (`relu`, `sqrt`) stays clear of it too.
function badgeY(g: NodeGeometry): number {
  return g.shape === 'circle' ? -(g.h / 2 + 3) * Math.SQRT1_2 : -g.h / 2 + 6;
}

// A collapsed block: one binding drawn as one node — a box with a double border holding the
// binding's name, its value and adjoint (or tangent) underneath, and a "+" that says it opens.
// Click it, or press Enter, Space or E on it, to expand it again. Under those, a line per folded
// parameter (an input only this block reads, not drawn while it is collapsed): `w11 = 0.8`, and
// once the reverse pass has reached it its adjoint `w̄11 = −0.5388` (in forward mode, its tangent).
import { memo, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  blockLabel,
  formatNumber,
  type Block,
  type BlockView,
  type Frame,
  type Graph,
  type GraphNode,
} from '../../ad-core/index.ts';
import { labelBaseline } from './GraphNode.tsx';
import { FONT, LABEL_OVERHANG, nodeGeometry, textWidth } from './geometry.ts';
import { adjointName, dataValue, isNonFinite, tangentName } from './labels.ts';
import './blocks.css';

export interface BlockNodeViewProps {
  node: GraphNode;
  block: Block;
  /** The binding node's id in the full graph (what `data-node-id` carries). */
  sourceId: number;
  x: number;
  y: number;
  value: number | null;
  adjoint: number | null;
  tangent: number | null;
  forwardMode: boolean;
  isOutput: boolean;
  current: boolean;
  highlighted: boolean;
  /** Its folded parameters with their numbers now (none when it has none). */
  params?: readonly FoldedParam[] | undefined;
  onToggle(name: string): void;
  onHover(id: number | null): void;
  onFocusNode(id: number): void;
}

export const BlockNodeView = memo(function BlockNodeView(props: BlockNodeViewProps) {
  const { node, block, value, adjoint, tangent, forwardMode } = props;
  const [focused, setFocused] = useState(false);
  // The layout reserves an operation's round footprint; the block is a rounded square inside it.
  const params = props.params ?? NO_PARAMS;
  const g = nodeGeometry({ kind: 'op', label: node.label, extraLines: params.length });
  const second = forwardMode ? tangent : adjoint;
  const nonFinite = isNonFinite(value) || isNonFinite(second);
  const ops = `${block.operations} operation${block.operations === 1 ? '' : 's'}`;
  const parts = [`Block ${blockLabel(block.name)}, collapsed: ${ops}`];
  parts.push(value === null ? 'value not yet computed' : `value ${formatNumber(value)}`);
  if (forwardMode && tangent !== null) parts.push(`tangent ${formatNumber(tangent)}`);
  if (!forwardMode && adjoint !== null) parts.push(`adjoint ${formatNumber(adjoint)}`);
  if (props.isOutput) parts.push('output');
  if (params.length > 0) {
    const said = params.map((p) => {
      const words = [p.value === null ? p.name : `${p.name} = ${formatNumber(p.value)}`];
      const d = forwardMode ? p.tangent : p.adjoint;
      if (d !== null) words.push(`${forwardMode ? 'tangent' : 'adjoint'} ${formatNumber(d)}`);
      return words.join(' ');
    });
    parts.push(`parameters ${said.join('; ')}`);
  }
  parts.push('press Enter or E to expand');
  const label = parts.join(', ');
  const toggle = () => props.onToggle(block.name);
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'e' || event.key === 'E') {
      event.preventDefault();
      event.stopPropagation();
      toggle();
    }
  };
  const classes = [
    'gv-node',
    'gv-node--block',
    props.current && 'gv-node--current',
    props.highlighted && 'gv-node--highlighted',
    nonFinite && 'gv-node--nonfinite',
    props.isOutput && 'gv-node--output',
  ]
    .filter(Boolean)
    .join(' ');
  const w = g.w;
  const h = g.h;
  return (
    <g
      className={classes}
      style={{ transform: `translate(${props.x}px, ${props.y}px)` }}
      data-testid="graph-node"
      data-node-id={props.sourceId}
      data-op="block"
      data-block={block.name}
      data-collapsed="true"
      data-value={dataValue(value)}
      data-adjoint={dataValue(adjoint)}
      {...(forwardMode ? { 'data-tangent': dataValue(tangent) } : {})}
      tabIndex={0}
      role="button"
      aria-expanded={false}
      aria-label={label}
      onClick={(event) => {
        event.stopPropagation();
        toggle();
      }}
      onKeyDown={onKeyDown}
      onMouseEnter={() => props.onHover(node.id)}
      onMouseLeave={() => props.onHover(null)}
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
      {focused && <title>{label}</title>}
      {props.highlighted && <Box w={w} h={h} pad={7} className="gv-halo" />}
      {focused && <Box w={w} h={h} pad={14} className="gv-focus-ring" />}
      {/* Its lines are part of it for the pointer too: a click on a parameter opens the block. */}
      <rect
        className="gv-block-hit"
        x={-Math.max(w, HIT_WIDTH) / 2}
        y={h / 2}
        width={Math.max(w, HIT_WIDTH)}
        height={labelBaseline(g, g.labelLines - 1) + 6 - h / 2}
      />
      <Box w={w} h={h} pad={0} className="gv-shape" />
      <Box w={w} h={h} pad={-4} className="gv-block-inner" />
      <text
        className="gv-symbol"
        dy="0.35em"
        style={
          textWidth(node.label, FONT.symbol) > g.w - 12 ? { fontSize: FONT.symbolLong } : undefined
        }
      >
        {node.label}
      </text>
      {/* The way in: a "+" on the corner, the sign every outline view uses for "opens". */}
      <g
        className="gv-block-expand"
        transform={`translate(${w / 2 - 1}, ${-h / 2 + 1})`}
        aria-hidden="true"
      >
        <circle r={10} />
        <path d="M-5,0 H5 M0,-5 V5" />
      </g>
      {props.isOutput && (
        <text className="gv-tag" y={-h / 2 - 8}>
          output
        </text>
      )}
      <text className="gv-line gv-pair" y={labelBaseline(g, 0)}>
        {value === null ? node.label : `${node.label} = `}
        {value !== null && (
          <tspan className={isNonFinite(value) ? 'gv-num gv-value gv-bad' : 'gv-num gv-value'}>
            {formatNumber(value)}
          </tspan>
        )}
      </text>
      {second !== null && (
        <text
          className={forwardMode ? 'gv-line gv-tangent gv-pair' : 'gv-line gv-adjoint gv-pair'}
          y={labelBaseline(g, 1)}
        >
          {`${forwardMode ? tangentName(node.label) : adjointName(node.label)} = `}
          <tspan className={isNonFinite(second) ? 'gv-num gv-bad' : 'gv-num'}>
            {formatNumber(second)}
          </tspan>
        </text>
      )}
      {params.map((p, i) => (
        <ParamLine
          key={p.id}
          param={p}
          forwardMode={forwardMode}
          y={labelBaseline(g, 2 + i)}
          room={Math.max(
            g.w,
            g.labelWidth + LABEL_OVERHANG,
            textWidth(`${node.label} = −0.0000`, FONT.value),
          )}
        />
      ))}
    </g>
  );
});

/** A folded parameter of a collapsed block, with its numbers at the frame shown. */
export interface FoldedParam {
  /** The input's node in the full graph. */
  id: number;
  /** Its variable's name, as typed. */
  name: string;
  value: number | null;
  adjoint: number | null;
  tangent: number | null;
}

const NO_PARAMS: readonly FoldedParam[] = [];
/** The width of a block's lines that answers the pointer (about a short `w̄₁₁ = −0.5388`). */
const HIT_WIDTH = 96;

/**
 * One line: the derivative once known (what a parameter is there for), its value before. `room`:
 * the width the layout keeps free for a line under the node (layout.ts, nodeBoxes), which edge
 * labels are placed against; a longer line (`b̄1 = −0.01028` in bold digits) is narrowed to it,
 * its glyphs a little closer, its size unchanged.
 */
function ParamLine({
  param,
  forwardMode,
  y,
  room,
}: {
  param: FoldedParam;
  forwardMode: boolean;
  y: number;
  room: number;
}) {
  const d = forwardMode ? param.tangent : param.adjoint;
  const ref = useRef<SVGTextElement>(null);
  const shown = d !== null ? `${d}` : `${param.value}`;
  useLayoutEffect(() => {
    const el = ref.current;
    // No text metrics outside a browser (unit tests).
    if (!el || typeof el.getComputedTextLength !== 'function') return;
    el.removeAttribute('textLength');
    el.removeAttribute('lengthAdjust');
    if (el.getComputedTextLength() > room) {
      el.setAttribute('textLength', String(room));
      el.setAttribute('lengthAdjust', 'spacingAndGlyphs');
    }
  }, [shown, forwardMode, room]);
  if (d !== null) {
    return (
      <text
        ref={ref}
        className={forwardMode ? 'gv-line gv-tangent gv-pair' : 'gv-line gv-adjoint gv-pair'}
        y={y}
        data-param={param.name}
      >
        {`${forwardMode ? tangentName(param.name) : adjointName(param.name)} = `}
        <tspan className={isNonFinite(d) ? 'gv-num gv-bad' : 'gv-num'}>{formatNumber(d)}</tspan>
      </text>
    );
  }
  return (
    <text ref={ref} className="gv-line gv-pair" y={y} data-param={param.name}>
      {param.value === null ? param.name : `${param.name} = `}
      {param.value !== null && (
        <tspan className={isNonFinite(param.value) ? 'gv-num gv-value gv-bad' : 'gv-num gv-value'}>
          {formatNumber(param.value)}
        </tspan>
      )}
    </text>
  );
}

/** Each collapsed block's folded parameters (by view node) with their numbers in `frame`, the
 *  frame of the full graph. */
export function foldedParamsOf(
  view: BlockView | null,
  frame: Frame | null,
): ReadonlyMap<number, readonly FoldedParam[]> {
  const out = new Map<number, FoldedParam[]>();
  if (!view) return out;
  for (const [v, block] of view.blocks) {
    if (block.params.length === 0) continue;
    out.set(
      v,
      block.params.map((id) => ({
        id,
        name: view.source.nodes[id]!.variable ?? view.source.nodes[id]!.name,
        value: frame?.values[id] ?? null,
        adjoint: frame?.adjoints[id] ?? null,
        tangent: frame?.tangents[id] ?? null,
      })),
    );
  }
  return out;
}

function Box({ w, h, pad, className }: { w: number; h: number; pad: number; className: string }) {
  const bw = w + 2 * pad;
  const bh = h + 2 * pad;
  return (
    <rect
      className={className}
      x={-bw / 2}
      y={-bh / 2}
      width={bw}
      height={bh}
      rx={Math.max(4, 12 + pad)}
    />
  );
}

/** What the graph view needs to draw blocks (see useBlockScene). */
export interface GraphBlocks {
  /** The view graph these ids belong to. */
  graph: Graph;
  /** View node → its collapsed block. */
  collapsed: ReadonlyMap<number, Block>;
  /** View node → binding name, for bindings drawn expanded (their tag collapses them). */
  expanded: ReadonlyMap<number, string>;
  /** View node → its id in the full graph (the `data-node-id`). */
  sourceOf(id: number): number;
  /** View node of a collapsed block → its folded parameters, with their numbers now. */
  params: ReadonlyMap<number, readonly FoldedParam[]>;
  onToggle(name: string): void;
}

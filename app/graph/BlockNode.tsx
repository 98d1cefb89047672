// A collapsed block: one binding drawn as one node — a box with a double border holding the
// binding's name, its value and adjoint (or tangent) underneath, and a "+" that says it opens.
// Click it, or press Enter, Space or E on it, to expand it again.
import { memo, useState, type KeyboardEvent } from 'react';
import { blockLabel, formatNumber, type Block, type Graph, type GraphNode } from '../../ad-core/index.ts';
import { labelBaseline } from './GraphNode.tsx';
import { FONT, nodeGeometry, textWidth } from './geometry.ts';
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
  onToggle(name: string): void;
  onHover(id: number | null): void;
  onFocusNode(id: number): void;
}

export const BlockNodeView = memo(function BlockNodeView(props: BlockNodeViewProps) {
  const { node, block, value, adjoint, tangent, forwardMode } = props;
  const [focused, setFocused] = useState(false);
  // The layout reserves an operation's round footprint; the block is a rounded square inside it.
  const g = nodeGeometry({ kind: 'op', label: node.label });
  const second = forwardMode ? tangent : adjoint;
  const nonFinite = isNonFinite(value) || isNonFinite(second);
  const ops = `${block.operations} operation${block.operations === 1 ? '' : 's'}`;
  const parts = [`Block ${blockLabel(block.name)}, collapsed: ${ops}`];
  parts.push(value === null ? 'value not yet computed' : `value ${formatNumber(value)}`);
  if (forwardMode && tangent !== null) parts.push(`tangent ${formatNumber(tangent)}`);
  if (!forwardMode && adjoint !== null) parts.push(`adjoint ${formatNumber(adjoint)}`);
  if (props.isOutput) parts.push('output');
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
      <Box w={w} h={h} pad={0} className="gv-shape" />
      <Box w={w} h={h} pad={-4} className="gv-block-inner" />
      <text
        className="gv-symbol"
        dy="0.35em"
        style={textWidth(node.label, FONT.symbol) > g.w - 12 ? { fontSize: FONT.symbolLong } : undefined}
      >
        {node.label}
      </text>
      {/* The way in: a "+" on the corner, the sign every outline view uses for "opens". */}
      <g className="gv-block-expand" transform={`translate(${w / 2 - 1}, ${-h / 2 + 1})`} aria-hidden="true">
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
    </g>
  );
});

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
  onToggle(name: string): void;
}

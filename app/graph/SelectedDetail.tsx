// The selected node's numbers in full precision, drawn on top of everything over the node's own
// (rounded) labels, so a click is all it takes to see `0.9092974268256817`.
import type { GraphNodeViewProps } from './GraphNode.tsx';
import { FONT, LABEL_GAP, LINE_HEIGHT, nodeGeometry, textWidth } from './geometry.ts';
import { adjointName, tangentName } from './labels.ts';

type SelectedDetailProps = Pick<
  GraphNodeViewProps,
  'node' | 'x' | 'y' | 'value' | 'adjoint' | 'tangent' | 'forwardMode' | 'rule'
>;

const PAD = 8;

export function SelectedDetail(props: SelectedDetailProps) {
  const { node } = props;
  const g = nodeGeometry(node);
  const lines: { text: string; className: string }[] = [];
  const full = (x: number) => String(x).replace(/-/g, '−').replace('Infinity', '∞');
  lines.push({
    text:
      props.value === null
        ? `${node.name} not yet computed`
        : `${node.name} = ${full(props.value)}`,
    className: 'gv-value',
  });
  if (props.forwardMode && props.tangent !== null) {
    lines.push({
      text: `${tangentName(node.name)} = ${full(props.tangent)}`,
      className: 'gv-tangent',
    });
  }
  if (!props.forwardMode && props.adjoint !== null) {
    lines.push({
      text: `${adjointName(node.name)} = ${full(props.adjoint)}`,
      className: 'gv-adjoint',
    });
  }
  if (props.rule) lines.push({ text: `§ ${props.rule}`, className: 'gv-rule' });
  const width = Math.max(...lines.map((l) => textWidth(l.text, FONT.value))) + 2 * PAD;
  const height = lines.length * LINE_HEIGHT + PAD;
  const top = g.h / 2 + LABEL_GAP;
  return (
    <g className="gv-detail" transform={`translate(${props.x}, ${props.y})`} aria-hidden="true">
      <rect x={-width / 2} y={top} width={width} height={height} rx={6} />
      {lines.map((l, k) => (
        <text
          key={k}
          className={`gv-line ${l.className}`}
          y={top + PAD / 2 + (k + 1) * LINE_HEIGHT - 5}
        >
          {l.text}
        </text>
      ))}
    </g>
  );
}

// Words and numbers the graph shows, as pure functions of the graph and the frame.
import { blockShortLabel, formatNumber, type Graph, type GraphNode } from '../../ad-core/index.ts';

const BAR = '\u0304';
const DOT = '\u0307';

/** `v₃` → `v̄₃` (the adjoint's name). */
export function adjointName(name: string): string {
  return decorate(name, BAR);
}

/** `v₃` → `v̇₃` (the tangent's name). */
export function tangentName(name: string): string {
  return decorate(name, DOT);
}

function decorate(name: string, mark: string): string {
  const [first = '', ...rest] = Array.from(name);
  return first + mark + rest.join('');
}

/** The `data-*` form: the full-precision number, or empty while unknown. */
export function dataValue(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : String(x);
}

export function isNonFinite(x: number | null | undefined): boolean {
  return x !== null && x !== undefined && !Number.isFinite(x);
}

/** How an argument is called in a definition: inputs by their variable, constants by value. */
function argumentName(node: GraphNode | undefined): string {
  if (!node) return '?';
  if (node.kind === 'input') return node.variable ?? node.label;
  if (node.kind === 'constant') return node.label;
  return node.name;
}

/** What the node computes: `x × y`, `sin(v₁)`, `v₂ + 1`; an input is its variable. */
export function definition(graph: Graph, node: GraphNode): string {
  if (node.kind === 'input') return node.variable ?? node.label;
  if (node.kind === 'constant') return node.label;
  const args = node.args.map((a) => argumentName(graph.nodes[a]));
  if (args.length === 2 && Array.from(node.label).length === 1) {
    return `${args[0]} ${node.label} ${args[1]}`;
  }
  return `${node.label}(${args.join(', ')})`;
}

export interface NodeNumbers {
  value: number | null;
  adjoint: number | null;
  tangent: number | null;
}

/** The accessible name: `v₃ = v₁ × v₂, value 10, adjoint 1`. */
export function ariaLabel(graph: Graph, node: GraphNode, nums: NodeNumbers, rule?: string): string {
  const head =
    node.kind === 'constant'
      ? `constant ${node.label}`
      : `${node.name} = ${definition(graph, node)}`;
  const parts = [node.kind === 'input' ? `${head}, input` : head];
  parts.push(nums.value === null ? 'value not yet computed' : `value ${formatNumber(nums.value)}`);
  if (nums.tangent !== null) parts.push(`tangent ${formatNumber(nums.tangent)}`);
  if (nums.adjoint !== null) parts.push(`adjoint ${formatNumber(nums.adjoint)}`);
  if (node.id === graph.output) parts.push('output');
  if (rule) parts.push(`convention: ${rule}`);
  return parts.join(', ');
}

/** Shorten `text` to at most `max` characters, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * The rule in words, short enough to sit under a node: the part after "by convention", without
 * a trailing parenthesis (the full sentence is in the node's title and accessible name).
 */
export function shortRule(rule: string): string {
  const marker = 'by convention ';
  const at = rule.indexOf(marker);
  let text = at >= 0 ? rule.slice(at + marker.length) : rule;
  text = text.replace(/\s*\([^)]*\)\s*$/, '');
  return text;
}

/** Greedy word wrap into at most `maxLines` lines of `width` characters; the last is cut with …. */
export function wrap(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const candidate = line ? `${line} ${word}` : word;
    if (Array.from(candidate).length <= width || !line) {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = word;
    if (lines.length === maxLines - 1) {
      line = words.slice(k).join(' ');
      break;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, k) => (k === lines.length - 1 ? truncate(l, width) : l));
}

/** The text over a node: its binding's name, and whether it is the output. */
/** `output` is whether the node is the output, or its name among several outputs (`y₂`). */
export function tagOf(
  node: Pick<GraphNode, 'binding' | 'kind'>,
  output: boolean | string | null,
): string | null {
  const mark = output === true ? 'output' : output || null;
  if (node.binding && node.kind === 'op') {
    // A call's block (`neuron(x1, x2, w11, w12, b1)`) is tagged short, as its collapsed box is.
    const name = blockShortLabel(node.binding);
    return mark ? `${name} · ${mark}` : `${name} =`;
  }
  return mark;
}

// Node sizes in graph units (1 unit = 1 CSS px at zoom 1). Shared by the layout (which must
// reserve room for each node's labels without a DOM to measure them) and by the renderer, so the
// two can never disagree about where a shape ends and an arrowhead begins.
import type { NodeKind } from '../../ad-core/index.ts';
import { displayName, NAME_DISPLAY_MAX } from '../store/listWindow.ts';

export type NodeShape = 'rect' | 'circle' | 'pill';
/**
 * Where a node's label lines go. Inputs in the first column, with nothing to their left, write
 * them on the left: a column of inputs then takes a box's height per input, not a box and two
 * lines, which is what keeps a neuron's or a network's inputs on a projector's screen.
 */
export type LabelSide = 'below' | 'left';

export interface NodeGeometry {
  shape: NodeShape;
  /** Shape width and height. */
  w: number;
  h: number;
  /** Label lines drawn under the shape (Wengert name + value, adjoint/tangent, rule). */
  labelLines: number;
  /** Width reserved for the label block. */
  labelWidth: number;
  labelSide: LabelSide;
}

/** What the geometry depends on: only the graph, never the point, so layouts can be memoised. */
export interface GeometryInput {
  kind: NodeKind;
  label: string;
  /** Label lines under an operation beyond its two: a collapsed block's folded parameters. */
  extraLines?: number | undefined;
}

export const FONT = {
  symbol: 20,
  symbolLong: 17,
  inputName: 20,
  constant: 16,
  value: 16,
  wengert: 15,
  rule: 15,
  edgeLabel: 15,
} as const;

export const LINE_HEIGHT = 20;
/** Space between the bottom of the shape and the first label line's box. */
export const LABEL_GAP = 4;
const OP_RADIUS = 25;
const LABEL_WIDTH = 96;
/** Average advance of a glyph as a fraction of the font size; generous so text fits. */
const EM = 0.62;

const MARK = /^\p{M}$/u;
/** Below U+0300 there is no combining mark, and NFC leaves such text as it is. */
const FIRST_MARK = 0x300;

/**
 * How many glyphs `text` draws: its code points after NFC, combining marks not counted (they take
 * no advance of their own). One pass over the text, with a regular expression only for characters
 * from U+0300 on, so a pasted megabyte of a name is measured in a millisecond, not a second.
 */
export function glyphCount(text: string): number {
  // The layout, the canvas and each drawn node measure the same label: a long one is counted once.
  if (text.length >= REMEMBER_FROM && text === last.text) return last.count;
  const count = countGlyphs(text);
  if (text.length >= REMEMBER_FROM) last = { text, count };
  return count;
}

const REMEMBER_FROM = 10_000;
let last = { text: '', count: 0 };

function countGlyphs(text: string): number {
  let simple = true;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= FIRST_MARK) {
      simple = false;
      break;
    }
  }
  if (simple) return text.length;
  const s = text.normalize('NFC');
  let count = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < FIRST_MARK) {
      count++;
      continue;
    }
    const cp = s.codePointAt(i)!;
    if (cp > 0xffff) i++;
    if (!MARK.test(String.fromCodePoint(cp))) count++;
  }
  return count;
}

export function textWidth(text: string, fontSize: number): number {
  return glyphCount(text) * fontSize * EM;
}

/**
 * A name or symbol as a node writes it: whole, or shortened around an ellipsis as the variable
 * list shortens it (a 1,000,000-character identifier took ≈ 300 ms of SVG text layout). The node's
 * accessible name keeps it whole. The layout measures this text, so the node is as wide as it.
 */
export function shownText(text: string): string {
  if (text.length <= NAME_DISPLAY_MAX) return text;
  // Up to twice as many UTF-16 units may still be few enough characters (𝑥 is two units).
  if (text.length <= 2 * NAME_DISPLAY_MAX && Array.from(text).length <= NAME_DISPLAY_MAX)
    return text;
  return displayName(text);
}

/**
 * `side`: where an input's label lines go; the layout writes them on the left of inputs in the
 * first column and under those it places beside their consumers further right.
 */
export function nodeGeometry(node: GeometryInput, side: LabelSide = 'left'): NodeGeometry {
  switch (node.kind) {
    case 'input':
      return {
        shape: 'rect',
        w: Math.max(52, textWidth(shownText(node.label), FONT.inputName) + 26),
        h: 42,
        labelLines: 2,
        labelWidth: LABEL_WIDTH,
        labelSide: side,
      };
    case 'constant':
      return {
        shape: 'pill',
        w: Math.max(30, textWidth(shownText(node.label), FONT.constant) + 16),
        h: 28,
        labelLines: 0,
        labelWidth: 0,
        labelSide: 'below',
      };
    default:
      return {
        shape: 'circle',
        w: OP_RADIUS * 2,
        h: OP_RADIUS * 2,
        // A convention's rule is written in words in the legend under the graph (§ on the node),
        // not under the node: two lines kept free under every log, sqrt or max for a rule that
        // rarely applies made a column of three operations taller than a projector's graph.
        labelLines: 2 + (node.extraLines ?? 0),
        labelWidth: LABEL_WIDTH,
        labelSide: 'below',
      };
  }
}

/** Footprint of node + labels: the box the layout must keep free. */
export function nodeFootprint(g: NodeGeometry): { w: number; h: number } {
  if (g.labelSide === 'left') return { w: g.w, h: Math.max(g.h, g.labelLines * LINE_HEIGHT) };
  const labels = g.labelLines > 0 ? LABEL_GAP + g.labelLines * LINE_HEIGHT : 0;
  return { w: Math.max(g.w, g.labelWidth), h: g.h + labels };
}

/** Space between a shape and label lines written on its left. */
export const LEFT_LABEL_GAP = 8;
/** How much wider than its reserved width a label line such as `v̄₋₁₂ = −0.4229` may run. */
export const LABEL_OVERHANG = 32;

/** How far left of the shape's centre the node's labels reach (0 for labels below). */
export function leftLabelReach(g: NodeGeometry): number {
  return g.labelSide === 'left' ? g.w / 2 + LEFT_LABEL_GAP + g.labelWidth + LABEL_OVERHANG : 0;
}

/** Where a ray leaving the shape's centre at `angle` (radians, 0 = right) meets its border. */
export function borderPoint(
  g: NodeGeometry,
  cx: number,
  cy: number,
  angle: number,
): [number, number] {
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  if (g.shape === 'circle') {
    const r = g.w / 2;
    return [cx + r * dx, cy + r * dy];
  }
  // Rectangles (and pills, close enough at these sizes): scale the ray to the nearer side.
  const hx = g.w / 2;
  const hy = g.h / 2;
  const t = Math.min(
    dx === 0 ? Infinity : hx / Math.abs(dx),
    dy === 0 ? Infinity : hy / Math.abs(dy),
  );
  return [cx + t * dx, cy + t * dy];
}

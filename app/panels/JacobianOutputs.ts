// Which output of a several-output formula (`x*y, sin(x), x + y`) a panel is about, in the words
// every panel uses: `y₂ = sin(x)` in the Jacobian's Output chooser, `Output 2 of 3: y₂ = sin(x)`
// above each result computed from the followed output (the Hessian, the slice, the bug lab, the
// quiz, the exported program). No React here.
import { focusedIndex, outputName, parse } from '../../ad-core/index.ts';
import type { Graph } from '../../ad-core/index.ts';

const LABEL_LIMIT = 24;
/** Past this length the last line is not parsed again for its texts: outputs keep their names. */
const SOURCE_LIMIT = 5_000;

/** The text of each output on the last line, shortened; null when it cannot be read. */
export function outputTexts(source: string, count: number): string[] | null {
  if (source.length > SOURCE_LIMIT) return null;
  const parsed = parse(source);
  if (!parsed.ok) return null;
  const last = parsed.program.statements[parsed.program.statements.length - 1];
  if (last?.kind !== 'expr' || !last.outputs || last.outputs.length !== count) return null;
  return last.outputs.map((e) => {
    const text = source.slice(e.span.start, e.span.end).replace(/\s+/g, ' ');
    const chars = Array.from(text);
    return chars.length > LABEL_LIMIT ? `${chars.slice(0, LABEL_LIMIT - 1).join('')}…` : text;
  });
}

/** `y₂ = sin(x)` for each output (`y₂` alone when the text cannot be read). */
export function outputLabels(source: string, count: number): string[] {
  const texts = outputTexts(source, count);
  return Array.from({ length: count }, (_, j) => {
    const name = outputName(j);
    const text = texts?.[j];
    return text ? `${name} = ${text}` : name;
  });
}

export interface FollowedOutput {
  /** 0-based index among the outputs. */
  index: number;
  count: number;
  /** Every output's label, `y₂ = sin(x)`, for a chooser. */
  labels: string[];
  /** `Output 2 of 3: y₂ = sin(x)`. */
  text: string;
}

/** The output the reverse pass follows, named; null for a formula of one output. */
export function followedOutputOf(graph: Graph | null, source: string): FollowedOutput | null {
  if (!graph || graph.outputs.length < 2) return null;
  const count = graph.outputs.length;
  const index = focusedIndex(graph);
  const labels = outputLabels(source, count);
  return { index, count, labels, text: `Output ${index + 1} of ${count}: ${labels[index]}` };
}

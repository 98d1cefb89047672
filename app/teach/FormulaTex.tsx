import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Graph } from '../../ad-core/index.ts';
import { breakAfterCommas } from '../panels/texLines.ts';
import { MathView, useKatexReady } from './MathView.tsx';
import { formulaTex } from './formula-tex.ts';
import { useSettledValue } from './useSettledValue.ts';
import { rowsOf, wholeRowClip } from './formulaRows.ts';
import type { RowClip } from './formulaRows.ts';
import './teach.css';
import './formula-tex.css';

export interface FormulaTexProps {
  graph: Graph;
  /** Node under the pointer (in the graph or the trace table); its part of the formula is boxed. */
  highlightedNode: number | null;
}

/** The box shows at most this many rems of formula (a 2-2-1 network with its loss, whole) before
 *  "Show N more lines". */
const CAP_REM = 12.5;
/** …unless all of it fits in this much more (a last row, even with a fraction in it). */
const SLACK_REM = 2.5;
/** How long typing must pause before the formula is typeset again (ms). */
const TYPESET_QUIET_MS = 150;
/** A line too wide for the column is scaled down, but its maths never below this size (px). */
const MIN_MATH_PX = 16;

/**
 * The formula typeset from the graph, the hovered node's subexpression highlighted. A line per
 * binding and one for the formula, each typeset inline (with display-size fractions) so that a
 * long one wraps in the narrow column, its continuation indented, instead of being cut off at the
 * column's edge (a 2-2-1 network's `h₁ = tanh(w₁₁·x₁ + w₁₂·x₂ + b₁)` at 1280×720). A line that
 * still cannot fit (no place to break) is scaled down a little; a formula taller than the box is
 * cut between two rows, never through one, with a button saying how many rows are left.
 */
export function FormulaTex({ graph: newest, highlightedNode }: FormulaTexProps) {
  // Typesetting a formula (KaTeX, then measuring its rows) is 15-45 ms an edit at 100 nodes:
  // done once typing pauses, so neither the graph's frame nor the next keystroke waits for it.
  const graph = useSettledValue(newest, TYPESET_QUIET_MS);
  // A node id of the newest graph means another node (or none) in a formula not yet caught up.
  const highlighted = graph === newest ? highlightedNode : null;
  const { tex, lines, text } = useMemo(
    () => formulaTex(graph, highlighted),
    [graph, highlighted],
  );
  const typeset = useKatexReady();
  const contentRef = useRef<HTMLDivElement>(null);
  const [clip, setClip] = useState<RowClip | null>(null);
  const [expanded, setExpanded] = useState(false);
  const id = useId();

  useLayoutEffect(() => {
    const content = contentRef.current;
    if (!content) return;
    const measure = () => {
      fitWideLines(content);
      setClip((old) => sameClip(old, measureClip(content)));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(content);
    return () => observer.disconnect();
  }, [lines, typeset]);

  const clipped = clip !== null && !expanded;
  const style = clipped ? ({ '--formula-clip': `${clip.height}px` } as CSSProperties) : undefined;
  return (
    <>
      <div
        className="teach-formula"
        data-testid="formula-tex"
        id={id}
        data-clipped={clipped ? '' : undefined}
        data-settling={graph === newest ? undefined : ''}
        style={style}
      >
        <div className="teach-formula-rows" ref={contentRef}>
          {tex === null || lines === null || !typeset ? (
            <span className="teach-formula-fallback">{text}</span>
          ) : (
            lines.map((line, i) => (
              <div className="teach-formula-line" key={i}>
                <MathView
                  tex={`\\displaystyle ${breakAfterCommas(line)}`}
                  fallback=""
                  className="teach-formula-math"
                />
              </div>
            ))
          )}
        </div>
      </div>
      {clip && (
        <button
          type="button"
          className="text-button teach-formula-more"
          aria-expanded={expanded}
          aria-controls={id}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded
            ? 'Show fewer lines'
            : `Show ${clip.total - clip.shown} more line${clip.total - clip.shown === 1 ? '' : 's'}`}
        </button>
      )}
    </>
  );
}

/** Scales a line that overflows the column down to fit, its maths no smaller than MIN_MATH_PX. */
function fitWideLines(content: HTMLElement) {
  for (const line of content.querySelectorAll<HTMLElement>('.teach-formula-line')) {
    line.style.removeProperty('--line-scale');
    const katex = line.querySelector<HTMLElement>('.katex');
    if (!katex || line.scrollWidth <= line.clientWidth + 1) continue;
    const mathPx = parseFloat(getComputedStyle(katex).fontSize) || MIN_MATH_PX;
    const scale = Math.max(MIN_MATH_PX / mathPx, line.clientWidth / line.scrollWidth);
    if (scale < 1) line.style.setProperty('--line-scale', scale.toFixed(3));
  }
}

/** Where to cut the box: between KaTeX's rows, under CAP_REM. */
function measureClip(content: HTMLElement): RowClip | null {
  const origin = content.getBoundingClientRect().top;
  const pieces = [
    ...content.querySelectorAll<HTMLElement>('.katex-html > :is(.base, .katex-base)'),
  ].map((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top - origin, bottom: r.bottom - origin };
  });
  // In rems, so that the learner's A− / A+ and presenter mode scale the box with the text.
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return wholeRowClip(rowsOf(pieces), CAP_REM * rem, SLACK_REM * rem);
}

function sameClip(old: RowClip | null, next: RowClip | null): RowClip | null {
  if (
    old &&
    next &&
    Math.abs(old.height - next.height) < 0.5 &&
    old.shown === next.shown &&
    old.total === next.total
  ) {
    return old;
  }
  return next;
}

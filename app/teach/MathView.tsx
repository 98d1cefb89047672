import { useEffect, useRef, useState } from 'react';

type Katex = typeof import('katex');

let katexModule: Katex | null = null;
/** TeX longer than this is typeset after a short pause rather than at once. */
const LONG_TEX = 1500;
let katexLoading: Promise<Katex> | null = null;

/** KaTeX and its stylesheet, fetched once on first use so the first paint does not wait for them. */
function loadKatex(): Promise<Katex> {
  katexLoading ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(
    ([mod]) => {
      katexModule = mod;
      return mod;
    },
  );
  return katexLoading;
}

/** KaTeX once it has loaded (starting the load on first use); null until then or if it cannot load. */
function useKatex(): Katex | null {
  const [katex, setKatex] = useState<Katex | null>(katexModule);
  useEffect(() => {
    if (katex) return;
    let live = true;
    loadKatex().then(
      (mod) => {
        if (live) setKatex(mod);
      },
      () => {
        // Offline or blocked: the plain-text fallback stays, which is still correct.
      },
    );
    return () => {
      live = false;
    };
  }, [katex]);
  return katex;
}

/** Whether typeset maths is available, so a caller can swap its own plain text for MathViews. */
export function useKatexReady(): boolean {
  return useKatex() !== null;
}

export interface MathViewProps {
  /** TeX built from the graph by the app, never the learner's raw text. */
  tex: string;
  /** Plain text shown until KaTeX has loaded (and if it cannot load). */
  fallback: string;
  display?: boolean;
  className?: string;
}

/**
 * Typesets `tex` with KaTeX into a span React leaves empty, so React and KaTeX never fight over
 * the same nodes. `trust` stays off and sizes and macro expansion are capped.
 */
export function MathView({ tex, fallback, display = false, className }: MathViewProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const katex = useKatex();

  useEffect(() => {
    const el = ref.current;
    if (!katex || !el) return;
    const typeset = () =>
      katex.render(tex, el, {
        displayMode: display,
        throwOnError: false,
        trust: false,
        maxSize: 10,
        maxExpand: 100,
        output: 'htmlAndMathml',
      });
    // Long formulas take KaTeX tens of milliseconds: wait until typing pauses instead of
    // typesetting every keystroke.
    if (tex.length < LONG_TEX) {
      typeset();
      return;
    }
    const timer = window.setTimeout(typeset, 150);
    return () => window.clearTimeout(timer);
  }, [katex, tex, display]);

  return (
    <span className={className}>
      {!katex && <span className="teach-math-fallback">{fallback}</span>}
      <span ref={ref} hidden={!katex} />
    </span>
  );
}

import type { FdMethod, Mode, Point } from '../../ad-core/index.ts';
import type { DrawerTab } from '../store/store.ts';

/** The part of the screen a page points at (outlined while the page is shown). */
export type Highlight = 'graph' | 'explanation' | 'check' | 'output' | 'player' | 'formula' | 'drawer';

/**
 * Which step of the animation a page shows, named by what happened rather than by number so a
 * page stays right if the engine orders its steps differently: `{ evaluated: 'v2' }` is just
 * after v₂'s value is computed, `{ propagated: 'v3' }` just after v̄₃ flows back.
 */
export type StepSpec =
  | number
  | 'start'
  | 'end'
  | 'seed'
  | 'forward-end'
  | { evaluated: string }
  | { propagated: string };

export interface LessonPage {
  heading: string;
  /** Template text (see template.ts); paragraphs separated by a blank line. */
  text: string;
  formula: string;
  at: Point;
  mode?: Mode;
  /** Forward mode's seed variable (default: the first variable). */
  seed?: string;
  step: StepSpec;
  method?: FdMethod;
  h?: number | null;
  highlight?: Highlight;
  /** A teaching-drawer tab to open (trace table, error plot, function slice, cost). */
  drawer?: DrawerTab;
}

export interface Lesson {
  id: string;
  title: string;
  /** A few words for the panel's kicker. */
  short: string;
  pages: LessonPage[];
}

// The collapse slice: which bindings are drawn and played as one block. Two sources decide it:
// the automatic choice (blocks collapsed so the drawing fits at a readable size) and the user's
// own clicks, which always win — a block the user expanded is never collapsed again by the fit.
// The view graph and the grouped steps are derived here (cached), never stored.
import {
  blocksOf,
  explainBlockStep,
  explainStep,
  groupSteps,
  sourceStepAt,
  viewGraph,
  visibleStepAt,
  type BlockView,
  type Explanation,
  type Graph,
  type StepGroup,
  type Trace,
} from '../../ad-core/index.ts';

export interface CollapseState {
  /** The user's choices by block name (true: collapsed). They win over `collapseAuto`. */
  collapseUser: ReadonlyMap<string, boolean>;
  /** Blocks collapsed automatically to fit the graph area, largest first. */
  collapseAuto: readonly string[];
}

export interface CollapseSlice extends CollapseState {
  /** Collapse a block that is expanded, expand one that is collapsed (the user's choice). */
  toggleBlock(name: string): void;
  /** Exactly these blocks collapsed and every other expanded, as the user's choice (a link). */
  setCollapsed(names: readonly string[]): void;
  /** The fit's choice; the user's choices still win. */
  setAutoCollapsed(names: readonly string[]): void;
  /** Back to the default: only what the fit collapses. */
  resetCollapse(): void;
}

/** What the collapse slice needs of the whole state. */
export interface CollapseHost extends CollapseState {
  step: number;
  derived: { graph: Graph | null; trace: Trace | null };
  seek(step: number): void;
}

type SetState = (partial: Partial<CollapseState>) => void;

export function createCollapseSlice<S extends CollapseHost>(set: SetState, get: () => S): CollapseSlice {
  const afterChange = () => {
    // The step on screen must be one the player can show with the new grouping.
    const s = get();
    const groups = stepGroupsOf(s);
    if (groups && s.step > 0) s.seek(sourceStepAt(groups, visibleStepAt(groups, s.step - 1) + 1));
  };
  return {
    collapseUser: new Map(),
    collapseAuto: [],
    toggleBlock: (name) => {
      const s = get();
      const now = collapsedNames(s).includes(name);
      const user = new Map(s.collapseUser);
      user.set(name, !now);
      set({ collapseUser: user });
      afterChange();
    },
    setCollapsed: (names) => {
      const s = get();
      const wanted = new Set(names);
      const user = new Map<string, boolean>();
      for (const b of s.derived.graph ? blocksOf(s.derived.graph) : []) user.set(b.name, wanted.has(b.name));
      for (const name of wanted) user.set(name, true);
      set({ collapseUser: user });
      afterChange();
    },
    setAutoCollapsed: (names) => {
      const s = get();
      if (sameList(s.collapseAuto, names)) return;
      set({ collapseAuto: [...names] });
      afterChange();
    },
    resetCollapse: () => {
      set({ collapseUser: new Map(), collapseAuto: [] });
      afterChange();
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The blocks of the graph collapsed now, in tape order. */
export function collapsedNames(s: CollapseState & { derived: { graph: Graph | null } }): string[] {
  const graph = s.derived.graph;
  if (!graph || (s.collapseUser.size === 0 && s.collapseAuto.length === 0)) return [];
  const auto = new Set(s.collapseAuto);
  return blocksOf(graph)
    .filter((b) => s.collapseUser.get(b.name) ?? auto.has(b.name))
    .map((b) => b.name);
}

/** The collapsed blocks when they differ from the default (the fit's choice alone); else null. */
export function collapseForLink(s: CollapseState & { derived: { graph: Graph | null } }): string[] | null {
  const graph = s.derived.graph;
  if (!graph || s.collapseUser.size === 0) return null;
  const names = collapsedNames(s);
  const auto = new Set(s.collapseAuto);
  const byDefault = blocksOf(graph).filter((b) => auto.has(b.name)).map((b) => b.name);
  return sameList(names, byDefault) ? null : names;
}

const VIEWS = new WeakMap<Graph, { key: string; view: BlockView }>();

/** The view graph with the given blocks collapsed, or null when none is (draw the graph itself). */
export function blockViewFor(graph: Graph | null, names: readonly string[]): BlockView | null {
  if (!graph || names.length === 0) return null;
  const key = names.join('\u0000');
  const known = VIEWS.get(graph);
  if (known && known.key === key) return known.view;
  const view = viewGraph(graph, names);
  VIEWS.set(graph, { key, view });
  return view;
}

export function blockViewOf(s: CollapseState & { derived: { graph: Graph | null } }): BlockView | null {
  return blockViewFor(s.derived.graph, collapsedNames(s));
}

const GROUPS = new WeakMap<Trace, { view: BlockView; groups: StepGroup[] }>();

/** The player's steps with blocks collapsed, or null when no block is (every step is its own). */
export function stepGroupsOf(
  s: CollapseState & { derived: { graph: Graph | null; trace: Trace | null } },
): StepGroup[] | null {
  const trace = s.derived.trace;
  const view = blockViewOf(s);
  if (!trace || !view || trace.graph !== view.source) return null;
  const known = GROUPS.get(trace);
  if (known && known.view === view) return known.groups;
  const groups = groupSteps(trace, view);
  GROUPS.set(trace, { view, groups });
  return groups;
}

/** The source step after `step` that the player shows next (one block is one step). */
export function stepAfter(groups: readonly StepGroup[] | null, step: number, total: number): number {
  if (!groups) return Math.min(total, step + 1);
  return Math.min(total, sourceStepAt(groups, visibleStepAt(groups, step) + 1));
}

/** The source step the player shows before `step`. */
export function stepBefore(groups: readonly StepGroup[] | null, step: number): number {
  if (!groups) return Math.max(0, step - 1);
  return sourceStepAt(groups, Math.max(0, visibleStepAt(groups, step - 1)));
}

/** The step counter's `k / n`: visible steps, a collapsed block counting once. */
export function visibleCounter(
  groups: readonly StepGroup[] | null,
  step: number,
  total: number,
): { k: number; n: number } {
  if (!groups) return { k: step, n: total };
  return { k: visibleStepAt(groups, step), n: groups.length };
}

/** The explanation of the step on show: a collapsed block's summary, or the step's own. */
export function explainShownStep(
  trace: Trace,
  groups: readonly StepGroup[] | null,
  view: BlockView | null,
  step: number,
): Explanation {
  if (groups && view && step > 0) {
    const k = visibleStepAt(groups, step);
    const group = groups[k - 1];
    const summary = group && group.end === step ? explainBlockStep(view, group) : null;
    if (summary) return { ...summary, tex: [] };
  }
  return explainStep(trace, step);
}

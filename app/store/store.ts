// One zustand store built from four slices. Inputs (source, point, mode, seed, method, h) live in
// the source slice; everything computed from them lives in the computation slice and is only
// ever written by `recompute` below, never by hand.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { FdMethod, Frame, Graph, Mode } from '../../ad-core/index.ts';
import { DEFAULT_EXAMPLE, type Example } from '../examples.ts';
import { clampStep, playStartStep } from '../player/stepping.ts';
import { frameFor } from './core.ts';
import { createCollapseSlice, stepAfter, stepBefore, stepGroupsOf, type CollapseSlice } from './blocks.ts';
import { sameBug } from './bugs.ts';
import type { Bug } from '../../ad-core/index.ts';
import { derive, type Derived, type Inputs, type SeedChoice } from './derive.ts';
import { builtFor, PENDING } from './compileService.ts';
import { PANELS, type SharedPanel, type SharedState } from '../url/hash.ts';

export type { SeedChoice } from './derive.ts';

export interface TextRange {
  start: number;
  end: number;
}

/** The inputs every derived value is computed from (see `Inputs`), and their setters. */
export interface SourceSlice extends Inputs {
  setSource(text: string): void;
  setVariable(name: string, value: number): void;
  /** Set several variables at once (training writes its parameters and a data row). */
  setPoint(point: Inputs['point']): void;
  /** Show `graph` instead of the formula's own (training's batch view; null: the formula's), at `point`. */
  setGraphOverride(graph: Graph | null, point?: Inputs['point']): void;
  setMode(mode: Mode): void;
  setSeed(seed: SeedChoice): void;
  setMethod(method: FdMethod): void;
  setStepSize(h: number | null): void;
  setMerge(on: boolean): void;
  /** Several outputs: follow output k (0-based) in the reverse pass and the check. */
  setOutput(k: number): void;
  /** The bug lab: run the reverse pass with `bug` (switching to reverse mode), or correctly (null). */
  setBug(bug: Bug | null, secret?: boolean): void;
  /** The bug is the `Find the bug` challenge's: the graph and check show it, nothing names it. */
  bugSecret: boolean;
  loadExample(example: Example): void;
  /** Restore exactly what a link encodes. */
  restore(shared: SharedState): void;
}

export interface ComputationSlice {
  derived: Derived;
  /** What is known at the current step; null only if nothing ever compiled. */
  frame: Frame | null;
  /** A large formula is compiling in a worker; `derived` is still the last result. */
  compiling: boolean;
}

export interface PlaybackSlice {
  step: number;
  playing: boolean;
  speed: number;
  play(): void;
  pause(): void;
  togglePlay(): void;
  stepForward(): void;
  stepBack(): void;
  reset(): void;
  goToEnd(): void;
  seek(step: number): void;
  /** The play timer's heartbeat: advance one step, stop at the end. */
  tick(): void;
  setSpeed(speed: number): void;
  /** Steps past this one cannot be shown (quiz mode: not yet answered); null: no limit. */
  stepLimit: number | null;
  setStepLimit(limit: number | null): void;
}

export interface ViewSlice {
  selected: number | null;
  hovered: number | null;
  /** The formula's selection while the editor has focus; null otherwise. */
  editorSelection: TextRange | null;
  showEdgePartials: boolean;
  /** A short status message (e.g. "that link was damaged"); null when there is none. */
  notice: string | null;
  /** The teaching drawer under the graph: which tab, and whether its body is shown. */
  drawerTab: DrawerTab;
  drawerOpen: boolean;
  /** The variable the error plot and the function slice are drawn along; null: the first one. */
  plotVariable: string | null;
  selectNode(id: number | null): void;
  hoverNode(id: number | null): void;
  setEditorSelection(range: TextRange | null): void;
  setShowEdgePartials(show: boolean): void;
  setNotice(notice: string | null): void;
  /** Show a drawer tab (opening the drawer); lessons call this to point at a panel. */
  openDrawerTab(tab: DrawerTab): void;
  setDrawerOpen(open: boolean): void;
  setPlotVariable(name: string): void;
}

/** The teaching drawer's tabs, in order: the very list a link's `panel=` may name. */
export const DRAWER_TABS = PANELS;
export type DrawerTab = SharedPanel;

export type AppState = SourceSlice & ComputationSlice & PlaybackSlice & ViewSlice & CollapseSlice;
export type AppStore = StoreApi<AppState>;

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

function inputsOf(s: AppState): Inputs {
  return {
    source: s.source,
    point: s.point,
    mode: s.mode,
    seed: s.seed,
    method: s.method,
    h: s.h,
    merge: s.merge,
    bug: s.bug ?? null,
    output: s.output ?? 0,
    graphOverride: s.graphOverride ?? null,
  };
}

function totalOf(d: Derived): number {
  return d.trace?.steps.length ?? 0;
}

/** The last step the player may show: the end, or the quiz's limit if that comes first. */
function reachableOf(s: AppState, total = totalOf(s.derived)): number {
  return s.stepLimit === null ? total : Math.min(total, Math.max(0, s.stepLimit));
}

/**
 * Apply a change of inputs and recompute what depends on it. A new graph, mode or seed direction
 * is a new animation: it stops playing and shows the finished pass (the values are what a learner
 * typing wants to see); `step` overrides that (links carry their step).
 */
/** Per store: the step and freshness a recompute asked for while its formula was compiling. */
const deferred = new WeakMap<Get, { step?: number; fresh: boolean }>();

function recompute(set: Set, get: Get, patch: Partial<Inputs>, step?: number, fresh = false): void {
  const s = get();
  const inputs = { ...inputsOf(s), ...patch };
  // A large formula compiles in a worker: the last result stays on screen until it arrives.
  const built = builtFor(fresh ? null : s.derived, inputs, () => {
    const d = deferred.get(get);
    deferred.delete(get);
    recompute(set, get, {}, d?.step, d?.fresh);
  });
  if (built === PENDING) {
    const d = deferred.get(get);
    deferred.set(get, { step: step ?? d?.step, fresh: fresh || (d?.fresh ?? false) });
    set({ ...patch, compiling: true });
    return;
  }
  deferred.delete(get);
  const derived = derive(fresh ? null : s.derived, inputs, built);
  const graphChanged = derived.graph !== s.derived.graph;
  const structural =
    graphChanged ||
    inputs.mode !== s.mode ||
    (inputs.mode === 'forward' && derived.seedKey !== s.derived.seedKey);
  const total = totalOf(derived);
  const nextStepValue = clampStep(step ?? (structural ? total : s.step), reachableOf(s, total));
  const frame =
    derived.trace === s.derived.trace && nextStepValue === s.step && s.frame
      ? s.frame
      : derived.trace
        ? frameFor(derived.trace, nextStepValue)
        : null;
  set({
    ...patch,
    derived,
    frame,
    step: nextStepValue,
    playing: structural || step !== undefined ? false : s.playing,
    selected: graphChanged ? null : s.selected,
    hovered: graphChanged ? null : s.hovered,
    compiling: false,
  });
}

function goTo(set: Set, get: Get, step: number, playing?: boolean): void {
  const s = get();
  const k = clampStep(step, reachableOf(s));
  const frame = s.derived.trace
    ? k === s.step && s.frame
      ? s.frame
      : frameFor(s.derived.trace, k)
    : null;
  set({ step: k, frame, ...(playing === undefined ? {} : { playing }) });
}

function createSourceSlice(set: Set, get: Get): SourceSlice {
  return {
    source: DEFAULT_EXAMPLE.formula,
    point: { ...DEFAULT_EXAMPLE.at },
    mode: 'reverse',
    seed: { kind: 'variable', name: '' },
    method: 'central',
    h: null,
    merge: false,
    bug: null,
    graphOverride: null,
    bugSecret: false,
    setSource: (text) => recompute(set, get, { source: text }),
    setVariable: (name, value) => {
      if (!Number.isFinite(value)) return;
      recompute(set, get, { point: { ...get().point, [name]: value } });
    },
    setPoint: (point) => recompute(set, get, { point: { ...point } }),
    setGraphOverride: (graph, point) => {
      if (graph === (get().graphOverride ?? null) && !point) return;
      recompute(set, get, { graphOverride: graph, ...(point ? { point: { ...point } } : {}) });
    },
    setMode: (mode) => recompute(set, get, { mode }),
    setSeed: (seed) => recompute(set, get, { seed }),
    setMethod: (method) => recompute(set, get, { method }),
    setStepSize: (h) =>
      recompute(set, get, { h: h !== null && Number.isFinite(h) && h > 0 ? h : null }),
    setMerge: (on) => {
      if (on !== get().merge) recompute(set, get, { merge: on });
    },
    output: 0,
    setOutput: (k) => {
      const output = Number.isInteger(k) && k > 0 ? k : 0;
      if (output !== (get().output ?? 0)) recompute(set, get, { output });
    },
    setBug: (bug, secret = false) => {
      if (get().bugSecret !== (bug !== null && secret)) set({ bugSecret: bug !== null && secret });
      if (sameBug(bug, get().bug)) return;
      // A bug lives in the reverse pass; show it finished, so the check and the graph show its result.
      recompute(set, get, { bug, ...(bug ? { mode: 'reverse' as const } : {}) }, Number.POSITIVE_INFINITY);
    },
    loadExample: (example) => {
      recompute(set, get, {
        source: example.formula,
        point: { ...example.at },
        graphOverride: null,
        output: 0,
      });
      // A new example starts with the default blocks (what fits), not the last one's choices.
      set({ notice: null, collapseUser: new Map() });
    },
    restore: (shared) => {
      const patch: Partial<Inputs> = {
        source: shared.formula,
        point: { ...shared.point },
        // A link says everything it sets; what it leaves out is the default, not what was on screen.
        seed: shared.seed ?? { kind: 'variable', name: '' },
        merge: shared.merge ?? false,
        bug: shared.bug ?? null,
        graphOverride: null,
        output: shared.output ?? 0,
      };
      set({ bugSecret: false });
      if (shared.mode) patch.mode = shared.mode;
      set(shared.panel ? { drawerTab: shared.panel, drawerOpen: true } : { drawerOpen: false });
      // A link without a step shows the finished pass, like a freshly typed formula. It starts
      // afresh: a broken formula in a link must not show whatever graph happened to be on screen.
      recompute(set, get, patch, shared.step ?? Number.POSITIVE_INFINITY, true);
      if (shared.collapse) get().setCollapsed(shared.collapse);
      else set({ collapseUser: new Map() });
    },
  };
}

function createPlaybackSlice(set: Set, get: Get): PlaybackSlice {
  return {
    step: 0,
    playing: false,
    speed: 1,
    play: () => {
      const s = get();
      goTo(set, get, playStartStep(s.step, totalOf(s.derived)), totalOf(s.derived) > 0);
    },
    pause: () => set({ playing: false }),
    togglePlay: () => (get().playing ? get().pause() : get().play()),
    // A collapsed block is one step (stepGroupsOf is null when none is).
    stepForward: () =>
      goTo(set, get, stepAfter(stepGroupsOf(get()), get().step, totalOf(get().derived)), false),
    stepBack: () => goTo(set, get, stepBefore(stepGroupsOf(get()), get().step), false),
    reset: () => goTo(set, get, 0, false),
    goToEnd: () => goTo(set, get, totalOf(get().derived), false),
    seek: (step) => goTo(set, get, step, false),
    tick: () => {
      const s = get();
      if (!s.playing) return;
      const reachable = reachableOf(s);
      const next = stepAfter(stepGroupsOf(s), s.step, reachable);
      const t = { step: next, playing: next < reachable };
      goTo(set, get, t.step, t.playing);
    },
    setSpeed: (speed) => {
      if (Number.isFinite(speed) && speed > 0) set({ speed });
    },
    stepLimit: null,
    setStepLimit: (limit) => {
      set({ stepLimit: limit === null ? null : Math.max(0, Math.floor(limit)) });
      if (limit !== null && get().step > limit) goTo(set, get, limit, false);
    },
  };
}

function createViewSlice(set: Set, get: Get): ViewSlice {
  return {
    selected: null,
    hovered: null,
    editorSelection: null,
    showEdgePartials: true,
    notice: null,
    drawerTab: 'trace',
    drawerOpen: false,
    plotVariable: null,
    selectNode: (id) => set({ selected: id }),
    hoverNode: (id) => {
      if (get().hovered !== id) set({ hovered: id });
    },
    setEditorSelection: (range) => {
      const cur = get().editorSelection;
      if (cur === range || (cur && range && cur.start === range.start && cur.end === range.end))
        return;
      set({ editorSelection: range ? { ...range } : null });
    },
    setShowEdgePartials: (show) => set({ showEdgePartials: show }),
    setNotice: (notice) => set({ notice }),
    openDrawerTab: (tab) => set({ drawerTab: tab, drawerOpen: true }),
    setDrawerOpen: (open) => set({ drawerOpen: open }),
    setPlotVariable: (name) => set({ plotVariable: name }),
  };
}

export function createAppStore(): AppStore {
  const store = createStore<AppState>()((set, get) => {
    const source = createSourceSlice(set, get);
    const initialInputs = inputsOf({ ...source } as AppState);
    const derived = derive(null, initialInputs);
    const total = totalOf(derived);
    return {
      ...source,
      derived,
      frame: derived.trace ? frameFor(derived.trace, total) : null,
      compiling: false,
      ...createPlaybackSlice(set, get),
      step: total,
      ...createViewSlice(set, get),
      ...createCollapseSlice<AppState>(set, get),
    };
  });
  return store;
}

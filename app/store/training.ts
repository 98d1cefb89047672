// The Train tab's state: the data table, which names are parameters, the optimizer settings and
// the run. Its own zustand store beside the app's: the app store owns the formula and the point;
// this one owns training and writes the current parameters (and the shown row's data) into the
// app's point, so the graph shows one example at the current parameters.
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import {
  batchGraph,
  batchLossAndGradient,
  batchRows,
  buildModel,
  checkBatchGradient,
  DEFAULT_INIT_SEED,
  MAX_DATA_ROWS,
  parseDataTable,
  rowPoint,
  startRun,
  trainStep,
  type BatchGraphResult,
  type DataDiagnostic,
  type ParamCheck,
  type DataTable,
  type Graph,
  type OptimizerId,
  type TrainModel,
  type TrainRun,
  type TrainSettings,
} from '../../ad-core/index.ts';
import { appStore } from './appStore.ts';
import { MAX_LINK_STEPS, type TrainingLink } from '../train/link.ts';

export type Role = 'param' | 'data';
/** What the graph shows: one row's per-example loss, or the batch (each row a block, then the mean). */
export type GraphView = 'example' | 'batch';

export interface TrainingSnapshot {
  /** Training loss: the mean over all rows at the current parameters. */
  loss: number;
  /** The next step's batch gradient at the current parameters (what the step will use). */
  batchGradient: Float64Array;
  /** The shown row's gradient at the current parameters (what the graph's reverse pass ends with). */
  rowGradient: Float64Array;
}

export interface TrainingState {
  columns: string[];
  /** Cells as typed, so a half-typed `-` or `1e` stays in the box while it is not a number yet. */
  cells: string[][];
  /** Roles the user chose; a name not here takes its default (a column name is data). */
  roleChoice: Map<string, Role>;
  lr: number;
  optimizer: OptimizerId;
  /** Rows per step; null: the full batch. */
  batchSize: number | null;
  seed: number;
  /** The table as parsed, or its diagnostics. */
  table: DataTable | null;
  diagnostics: DataDiagnostic[];
  graph: Graph | null;
  model: TrainModel | null;
  run: TrainRun | null;
  snapshot: TrainingSnapshot | null;
  running: boolean;
  /** The data row the graph shows. */
  shownRow: number;
  logScale: boolean;
  /** Steps per animation frame while running; null: as many as fit in the frame's budget. */
  stepsPerFrame: number | null;
  /** Bumped whenever the run changes in place (steps taken), so views re-read it. */
  version: number;
  graphView: GraphView;
  /** The batch graph on show (or why there is none) while the batch view is chosen. */
  batch: BatchGraphResult | null;
}

export const DEFAULT_LR = 0.05;
export const DEFAULT_OPTIMIZER: OptimizerId = 'sgd';

const initialState: TrainingState = {
  columns: ['x', 'y'],
  cells: [
    ['0', '1'],
    ['1', '3'],
    ['2', '5'],
  ],
  roleChoice: new Map(),
  lr: DEFAULT_LR,
  optimizer: DEFAULT_OPTIMIZER,
  batchSize: null,
  seed: DEFAULT_INIT_SEED,
  table: null,
  diagnostics: [],
  graph: null,
  model: null,
  run: null,
  snapshot: null,
  running: false,
  shownRow: 0,
  logScale: false,
  stepsPerFrame: 10,
  version: 0,
  graphView: 'example',
  batch: null,
};

export const trainingStore = createStore<TrainingState>()(() => ({ ...initialState }));

export function useTraining<T>(selector: (s: TrainingState) => T): T {
  return useStore(trainingStore, selector);
}

const get = () => trainingStore.getState();
const set = (patch: Partial<TrainingState>) => trainingStore.setState(patch);

/** The role a variable has: the user's choice, else data if a column has its name. */
export function roleOf(s: Pick<TrainingState, 'roleChoice' | 'columns'>, name: string): Role {
  return s.roleChoice.get(name) ?? (s.columns.includes(name) ? 'data' : 'param');
}

export function paramsOf(s: TrainingState): string[] {
  return s.graph ? s.graph.variables.filter((v) => roleOf(s, v) === 'param') : [];
}

export function settingsOf(s: TrainingState): TrainSettings {
  return { lr: s.lr, optimizer: s.optimizer, batchSize: s.batchSize, seed: s.seed };
}

/** CSV text of the table as typed (header first). */
export function csvOf(columns: readonly string[], cells: readonly (readonly string[])[]): string {
  // A separator typed inside one box (`3,5`) stays inside that cell: it is a bad number there,
  // not an extra column.
  const cell = (text: string) => text.replace(/[,;\r\n]/g, ' ');
  return [columns.map(cell).join(','), ...cells.map((row) => row.map(cell).join(','))].join('\n');
}

/** The diagnostic with the cell's text as typed (csvOf replaced its separators). */
function asTyped(d: DataDiagnostic, s: Pick<TrainingState, 'columns' | 'cells'>): DataDiagnostic {
  if (d.code !== 'data-not-a-number' || d.row === null) return d;
  const j = s.columns.indexOf(d.column ?? '');
  const typed = s.cells[d.row - 1]?.[j];
  if (typed === undefined || !/[,;]/.test(typed)) return d;
  return {
    ...d,
    message: `Row ${d.row}, column ${d.column}: "${typed.trim()}" is not a number`,
    hint: 'Use "." for decimals: 3.5',
  };
}

/**
 * Rebuilds the table, the model and a fresh run from the inputs (keeping `initial` if given),
 * then shows the current parameters on the graph.
 */
function rebuild(patch: Partial<TrainingState>, initial?: Float64Array, writePoint = true): void {
  const s = { ...get(), ...patch };
  const parsed = parseDataTable(csvOf(s.columns, s.cells));
  let table: DataTable | null = null;
  let model: TrainModel | null = null;
  let diagnostics: DataDiagnostic[] = [];
  if (!parsed.ok) diagnostics = parsed.diagnostics.map((d) => asTyped(d, s));
  else {
    table = parsed.table;
    if (s.graph) {
      const built = buildModel(s.graph, paramsOf(s), table);
      if (built.ok) model = built.model;
      else diagnostics = built.diagnostics;
    }
  }
  const run = model ? startRun(model, settingsOf(s), initial) : null;
  const shownRow = table ? Math.min(s.shownRow, Math.max(0, table.rowCount - 1)) : 0;
  set({
    ...patch,
    table,
    model,
    diagnostics,
    run,
    shownRow,
    running: false,
    version: s.version + 1,
  });
  publish(false, writePoint);
}

let lastGraphUpdate = -Infinity;
/** While running, the graph (a whole recomputation of the playground) follows at this interval. */
const GRAPH_INTERVAL_MS = 250;
/** Frames between graph updates at least: on a slow page the graph (the costliest redraw) waits. */
const GRAPH_EVERY_FRAMES = 10;
let graphInterval = GRAPH_INTERVAL_MS;

/**
 * Recomputes the loss and gradients at the current parameters and puts them on the graph (while
 * running, at most every GRAPH_INTERVAL_MS: the plots follow every frame, the graph less often).
 */
function publish(throttleGraph = false, writePoint = true): void {
  const s = get();
  const { model, run } = s;
  if (!model || !run || model.table.rowCount === 0) {
    set({ snapshot: null, batch: null });
    if (trainTabShown()) clearBatchGraph();
    return;
  }
  const n = model.params.length;
  const batchGradient = new Float64Array(n);
  const rowGradient = new Float64Array(n);
  const grad = new Float64Array(n);
  const loss = batchLossAndGradient(model, run.params, null, grad);
  batchLossAndGradient(
    model,
    run.params,
    batchRows(model, settingsOf(s), run.order, run.step),
    batchGradient,
  );
  batchLossAndGradient(model, run.params, Int32Array.of(s.shownRow), rowGradient);
  set({ snapshot: { loss, batchGradient, rowGradient } });
  const app = appStore.getState();
  // Only while the Train tab is shown does training own the point (an example loaded afterwards
  // keeps its own values), and only once the learner trains or picks a row. The batch view is
  // training's own graph, so there it always does.
  const batchView = s.graphView === 'batch';
  if (!batchView && trainTabShown()) clearBatchGraph();
  if ((!writePoint && !batchView) || !trainTabShown()) return;
  const now = performance.now();
  if (throttleGraph && now - lastGraphUpdate < graphInterval) return;
  lastGraphUpdate = now;
  const point = rowPoint(model, run.params, s.shownRow);
  if (batchView) {
    showBatch(model, batchRows(model, settingsOf(s), run.order, run.step), point);
    return;
  }
  // Variables the model does not bind (none when it built) keep their values.
  app.setPoint({ ...app.point, ...point });
}

function trainTabShown(): boolean {
  const app = appStore.getState();
  return app.drawerOpen && app.drawerTab === 'train';
}
let batchCache: { model: TrainModel; key: string; result: BatchGraphResult } | null = null;

/** The batch graph of `rows` (null: all), built once per model and batch. */
function batchFor(model: TrainModel, rows: Int32Array | null): BatchGraphResult {
  const key = rows === null ? 'all' : rows.join(',');
  if (batchCache && batchCache.model === model && batchCache.key === key) return batchCache.result;
  const result = batchGraph(model, rows);
  batchCache = { model, key, result };
  return result;
}

/** Puts the batch graph on the app's graph at the current parameters, its rows collapsed. */
function showBatch(
  model: TrainModel,
  rows: Int32Array | null,
  point: Record<string, number>,
): void {
  const result = batchFor(model, rows);
  if (get().batch !== result) set({ batch: result });
  const app = appStore.getState();
  if (!result.ok) {
    clearBatchGraph();
    return;
  }
  const fresh = app.graphOverride !== result.batch.graph;
  app.setGraphOverride(result.batch.graph, { ...app.point, ...point });
  if (fresh) appStore.getState().setCollapsed(result.batch.blockNames);
}

/** The formula's own graph back on screen (with the default blocks) if the batch was shown. */
function clearBatchGraph(): void {
  const app = appStore.getState();
  if (!app.graphOverride) return;
  app.setGraphOverride(null);
  appStore.getState().resetCollapse();
}

/** The gradient check at scale: every parameter at the current step, over the next step's batch. */
export function batchCheckNow(): ParamCheck[] | null {
  const s = get();
  if (!s.model || !s.run || s.model.table.rowCount === 0) return null;
  const rows = batchRows(s.model, settingsOf(s), s.run.order, s.run.step);
  return checkBatchGradient(s.model, s.run.params, rows);
}

/** The formula's own graph (not the batch view's). */
export function formulaGraph(): Graph | null {
  const d = appStore.getState().derived;
  return d.sourceGraph ?? d.graph;
}

/** The app's graph changed (the formula was edited or an example loaded). */
export function syncGraph(graph: Graph | null): void {
  if (graph === get().graph) return;
  // The graph keeps the point it has (a lesson's, a link's) until the learner trains.
  rebuild({ graph }, undefined, false);
}

export const trainingActions = {
  /** The Train tab was opened: its loss and gradients (the graph keeps its point until the learner trains). */
  show(): void {
    publish(false, false);
  },
  /** The Train tab was closed: training stops and the formula's own graph comes back. */
  hide(): void {
    set({ running: false });
    clearBatchGraph();
  },
  /** One example's graph or the batch's on the app's graph. */
  setGraphView(view: GraphView): void {
    if (view === get().graphView) return;
    set({ graphView: view, batch: null, version: get().version + 1 });
    if (view === 'example') clearBatchGraph();
    publish();
  },
  setCell(row: number, column: number, text: string): void {
    const cells = get().cells.map((r, i) =>
      i === row ? r.map((c, j) => (j === column ? text : c)) : r,
    );
    rebuild({ cells });
  },
  setColumnName(column: number, name: string): void {
    rebuild({ columns: get().columns.map((c, j) => (j === column ? name : c)) });
  },
  addRow(): void {
    const s = get();
    if (s.cells.length >= MAX_DATA_ROWS) return;
    rebuild({ cells: [...s.cells, s.columns.map(() => '0')] });
  },
  removeRow(row: number): void {
    rebuild({ cells: get().cells.filter((_, i) => i !== row) });
  },
  addColumn(): void {
    const s = get();
    let k = s.columns.length + 1;
    while (s.columns.includes(`x${k}`)) k++;
    rebuild({ columns: [...s.columns, `x${k}`], cells: s.cells.map((r) => [...r, '0']) });
  },
  removeColumn(column: number): void {
    const s = get();
    if (s.columns.length <= 1) return;
    rebuild({
      columns: s.columns.filter((_, j) => j !== column),
      cells: s.cells.map((r) => r.filter((_, j) => j !== column)),
    });
  },
  /** Replaces the table with pasted CSV (header first); a table that does not parse is kept as text cells so its errors show. */
  pasteCsv(text: string): void {
    const lines = text.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '');
    if (lines.length === 0) return;
    const columns = lines[0]!.split(',').map((c) => c.trim());
    const cells = lines.slice(1, MAX_DATA_ROWS + 2).map((l) => l.split(',').map((c) => c.trim()));
    rebuild({ columns, cells });
  },
  setRole(name: string, role: Role): void {
    const roleChoice = new Map(get().roleChoice);
    roleChoice.set(name, role);
    rebuild({ roleChoice });
  },
  setLr(lr: number): void {
    if (Number.isFinite(lr) && lr > 0) set({ lr });
  },
  setOptimizer(optimizer: OptimizerId): void {
    // Momentum and Adam keep state from the steps before: changing optimizer starts afresh.
    if (optimizer !== get().optimizer) rebuild({ optimizer });
  },
  setBatchSize(batchSize: number | null): void {
    const size =
      batchSize === null || !Number.isInteger(batchSize) || batchSize < 1 ? null : batchSize;
    if (size !== get().batchSize) {
      set({ batchSize: size });
      publish();
    }
  },
  setSeed(seed: number): void {
    if (Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32) rebuild({ seed });
  },
  setShownRow(row: number): void {
    const n = get().table?.rowCount ?? 0;
    if (!Number.isInteger(row) || row < 0 || row >= n) return;
    set({ shownRow: row });
    publish();
  },
  setLogScale(on: boolean): void {
    set({ logScale: on });
  },
  setStepsPerFrame(count: number | null): void {
    set({ stepsPerFrame: count !== null && Number.isInteger(count) && count >= 1 ? count : null });
  },
  /** `count` steps, then one update of the screen. Stops a run when the loss is not a number. */
  steps(count: number): void {
    const { model, run } = get();
    if (!model || !run) return;
    const settings = settingsOf(get());
    let stop = false;
    for (let i = 0; i < count; i++) {
      if (!Number.isFinite(trainStep(model, settings, run))) {
        stop = true;
        break;
      }
    }
    set({ version: get().version + 1, ...(stop ? { running: false } : {}) });
    publish();
  },
  /** Steps without updating the screen (the animation loop publishes once per frame). */
  stepsQuiet(count: number): void {
    const { model, run } = get();
    if (!model || !run) return;
    const settings = settingsOf(get());
    for (let i = 0; i < count; i++) {
      if (!Number.isFinite(trainStep(model, settings, run))) {
        set({ running: false });
        return;
      }
    }
  },
  isRunning(): boolean {
    return get().running;
  },
  /** After a frame of training; `frameMs`, the time since the previous one, paces the graph. */
  publishFrame(frameMs = NaN): void {
    graphInterval = Number.isFinite(frameMs)
      ? Math.min(5000, Math.max(GRAPH_INTERVAL_MS, GRAPH_EVERY_FRAMES * frameMs))
      : GRAPH_INTERVAL_MS;
    set({ version: get().version + 1 });
    publish(get().running);
  },
  step(): void {
    set({ running: false });
    trainingActions.steps(1);
  },
  run(): void {
    if (get().model) set({ running: true });
  },
  pause(): void {
    set({ running: false });
    publish();
  },
  /** Back to the same initial parameters, fresh optimizer state, no steps. */
  reset(): void {
    const run = get().run;
    rebuild({}, run ? run.initial : undefined);
  },
  /** Put the shown row at the current parameters into the player: the reverse pass from step 0. */
  showBackwardPass(): void {
    set({ running: false });
    publish();
    const app = appStore.getState();
    app.setMode('reverse');
    appStore.getState().seek(0);
  },
  /** Load a whole set-up (a preset or a link): table, roles, settings, then replay `steps`. */
  load(setup: TrainingSetup): void {
    const roleChoice = new Map<string, Role>();
    const graph = formulaGraph();
    // Listed names are the parameters and every other variable is data, whatever its default.
    if (setup.params && graph) for (const v of graph.variables) roleChoice.set(v, 'data');
    for (const p of setup.params ?? []) roleChoice.set(p, 'param');
    rebuild({
      columns: setup.columns,
      cells: setup.rows.map((r) => r.map(String)),
      roleChoice,
      lr: setup.lr ?? DEFAULT_LR,
      optimizer: setup.optimizer ?? DEFAULT_OPTIMIZER,
      batchSize: setup.batchSize ?? null,
      seed: setup.seed ?? DEFAULT_INIT_SEED,
      shownRow: 0,
      graph: formulaGraph(),
      ...(setup.view ? { graphView: setup.view } : {}),
    });
    const steps = Math.min(setup.steps ?? 0, MAX_LINK_STEPS);
    if (steps > 0) trainingActions.steps(steps);
  },
};

export interface TrainingSetup {
  columns: string[];
  rows: (readonly (number | string)[])[];
  params?: string[];
  lr?: number;
  optimizer?: OptimizerId;
  batchSize?: number | null;
  seed?: number;
  steps?: number;
  /** What the graph shows; absent: as it was. */
  view?: GraphView;
}

/** Follows the app's graph from now on (called once at start-up). */
export function startTrainingSync(): () => void {
  syncGraph(formulaGraph());
  return appStore.subscribe((s, prev) => {
    const graph = s.derived.sourceGraph ?? s.derived.graph;
    if (graph !== (prev.derived.sourceGraph ?? prev.derived.graph)) syncGraph(graph);
  });
}

/** The training parts of a link for what is on screen: none unless the Train tab is open. */
export function trainingLinkOf(): TrainingLink | undefined {
  const app = appStore.getState();
  if (!(app.drawerOpen && app.drawerTab === 'train')) return undefined;
  const s = get();
  const link: TrainingLink = {};
  const params = paramsOf(s);
  const defaults = s.graph ? s.graph.variables.filter((v) => !s.columns.includes(v)) : [];
  if (params.join(',') !== defaults.join(',')) link.params = params;
  if (s.table && csvOf(s.columns, s.cells) !== csvOf(initialState.columns, initialState.cells))
    link.data = s.table;
  if (s.lr !== DEFAULT_LR) link.lr = s.lr;
  if (s.optimizer !== DEFAULT_OPTIMIZER) link.optimizer = s.optimizer;
  if (s.batchSize !== null) link.batchSize = s.batchSize;
  if (s.run && s.run.step > 0) link.steps = s.run.step;
  if (s.seed !== DEFAULT_INIT_SEED) link.seed = s.seed;
  if (s.graphView === 'batch') link.view = 'batch';
  return link;
}

/** Restores what a link's training parts say (missing parts: the defaults). */
export function applyTrainingLink(link: TrainingLink): void {
  const table = link.data;
  trainingActions.load({
    columns: table ? table.columns : initialState.columns,
    rows: table
      ? Array.from({ length: table.rowCount }, (_, r) => table.values.map((col) => col[r]!))
      : initialState.cells,
    ...(link.params ? { params: link.params } : {}),
    ...(link.lr !== undefined ? { lr: link.lr } : {}),
    ...(link.optimizer ? { optimizer: link.optimizer } : {}),
    batchSize: link.batchSize ?? null,
    ...(link.seed !== undefined ? { seed: link.seed } : {}),
    ...(link.steps !== undefined ? { steps: link.steps } : {}),
    view: link.view ?? 'example',
  });
}

/** `{ train }` for a link when the Train tab is open, else nothing. */
export function trainingLinkPart(): { train?: TrainingLink } {
  const link = trainingLinkOf();
  return link ? { train: link } : {};
}

/** Calls `onChange` whenever something a link carries about training changes. */
export function subscribeTrainingLink(onChange: () => void): () => void {
  return trainingStore.subscribe((t, prev) => {
    if (
      t.version !== prev.version ||
      t.lr !== prev.lr ||
      t.optimizer !== prev.optimizer ||
      t.batchSize !== prev.batchSize ||
      t.seed !== prev.seed ||
      t.graphView !== prev.graphView ||
      t.roleChoice !== prev.roleChoice
    )
      onChange();
  });
}

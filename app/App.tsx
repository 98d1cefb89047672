import { lazy, Suspense, useMemo } from 'react';
import { ExampleLesson, ExamplesMenu } from './editor/ExamplesMenu.tsx';
import { FormulaEditor } from './editor/FormulaEditor.tsx';
import { OutputValue } from './editor/OutputValue.tsx';
import { nodesForSelection } from './editor/selection.ts';
import { VariableInputs } from './editor/VariableInputs.tsx';
import { ErrorBoundary } from './panels/ErrorBoundary.tsx';
import { GradientCheck } from './panels/GradientCheck.tsx';
import { NodeDetails } from './panels/NodeDetails.tsx';
import { Notice } from './panels/Notice.tsx';
import { StepExplanation } from './panels/StepExplanation.tsx';
import { PlayerBar } from './player/PlayerBar.tsx';
import { appStore, useApp } from './store/appStore.ts';

const EMPTY: ReadonlySet<number> = new Set();

// Loaded on its own so that if the drawing code fails to load, the error boundary around it
// says so and the editor, player and panels keep working.
const GraphView = lazy(() => import('./graph/GraphView.tsx').then((m) => ({ default: m.GraphView })));

function GraphArea() {
  const graph = useApp((s) => s.derived.graph);
  const evaluation = useApp((s) => s.derived.evaluation);
  const frame = useApp((s) => s.frame);
  const stale = useApp((s) => s.derived.stale);
  const selection = useApp((s) => s.editorSelection);
  const selected = useApp((s) => s.selected);
  const showEdgePartials = useApp((s) => s.showEdgePartials);
  const mode = useApp((s) => s.derived.trace?.mode);
  const highlighted = useMemo(
    () => (graph && selection && !stale ? new Set(nodesForSelection(graph, selection)) : EMPTY),
    [graph, selection, stale],
  );
  if (!graph || !evaluation || !frame) {
    return (
      <p className="graph-empty">
        The graph appears as soon as the formula on the left is valid — see the message under it.
      </p>
    );
  }
  const { hoverNode, selectNode } = appStore.getState();
  return (
    <GraphView
      graph={graph}
      evaluation={evaluation}
      frame={frame}
      stale={stale}
      highlighted={highlighted}
      selected={selected}
      showEdgePartials={showEdgePartials}
      onHoverNode={hoverNode}
      onSelectNode={selectNode}
      {...(mode ? { mode } : {})}
    />
  );
}

function EdgePartialsToggle() {
  const show = useApp((s) => s.showEdgePartials);
  return (
    <label className="toggle">
      <input type="checkbox" checked={show} onChange={(e) => appStore.getState().setShowEdgePartials(e.target.checked)} />
      Show ∂ on edges
    </label>
  );
}

export function App() {
  const internalError = useApp((s) => s.derived.internalError);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Autodiff Playground</h1>
        <ExamplesMenu />
        <EdgePartialsToggle />
        <Notice />
      </header>
      <main className="app-main">
        <section className="editor-col" aria-label="Formula and variables">
          <ErrorBoundary area="editor">
            <FormulaEditor />
            <OutputValue />
            <VariableInputs />
            <ExampleLesson />
          </ErrorBoundary>
        </section>
        <section className="graph-col" aria-label="Computational graph">
          <ErrorBoundary area="graph">
            <Suspense fallback={<p className="graph-empty">Drawing the graph…</p>}>
              <GraphArea />
            </Suspense>
          </ErrorBoundary>
          {internalError && (
            <p className="crash" role="alert">
              The engine could not compute this formula ({internalError}); showing the last result.
            </p>
          )}
        </section>
        <aside className="side-col" aria-label="Explanation and checks">
          <ErrorBoundary area="side panel">
            <StepExplanation />
            <NodeDetails />
            <GradientCheck />
          </ErrorBoundary>
        </aside>
        <div className="player-row">
          <ErrorBoundary area="player">
            <PlayerBar />
          </ErrorBoundary>
        </div>
      </main>
    </div>
  );
}

import { lazy, Suspense, useDeferredValue, useMemo } from 'react';
import { ExampleLesson, ExamplesMenu } from './editor/ExamplesMenu.tsx';
import { FormulaEditor } from './editor/FormulaEditor.tsx';
import { OutputValue } from './editor/OutputValue.tsx';
import { VariableInputs } from './editor/VariableInputs.tsx';
import { ConventionLegend } from './panels/ConventionLegend.tsx';
import { FormulaBoundary } from './panels/FormulaBoundary.tsx';
import { GradientCheck } from './panels/GradientCheck.tsx';
import { JacobianPanel } from './panels/JacobianPanel.tsx';
import { NodeDetails } from './panels/NodeDetails.tsx';
import { Notice } from './panels/Notice.tsx';
import { StepExplanation } from './panels/StepExplanation.tsx';
import { PlayerBar } from './player/PlayerBar.tsx';
import { appStore, useApp } from './store/appStore.ts';
import { useBlockScene } from './graph/useBlockScene.ts';
import { BlockNotice } from './graph/BlockNotice.tsx';
import { formulaFocusNode, highlightedNodes } from './store/highlight.ts';
import { typesetRefusal } from './store/sizeLimits.ts';
import { MergeFlag } from './drawer/MergeFlag.tsx';
import { TeachDrawer } from './drawer/TeachDrawer.tsx';
import { FormulaTex } from './teach/FormulaTex.tsx';
import { LessonPanel } from './lessons/LessonPanel.tsx';
import { LessonsMenu } from './lessons/LessonsMenu.tsx';
import { QuizPanel } from './quiz/QuizPanel.tsx';
import { QuizSwitch } from './quiz/QuizSwitch.tsx';
import { DrawerRow } from './layout/DrawerRow.tsx';
import { ViewControls } from './layout/ViewControls.tsx';
import { useApplyViewPrefs } from './layout/viewStore.ts';
import { useFrameAttributes } from './layout/frame.ts';
import { useStore } from 'zustand';
import { displayStore } from './layout/display.ts';
import { PresentControls, PresenterCaption, PresentToggle } from './present/Presenter.tsx';
import { ShareButton } from './embed/ShareDialog.tsx';
import { useEmbedBridge } from './embed/useEmbedBridge.ts';
import { UpdatePrompt } from './offline/UpdatePrompt.tsx';
import { PrintGraph } from './print/PrintGraph.tsx';

const EMPTY: ReadonlySet<number> = new Set();

// Loaded on its own so that if the drawing code fails to load, the error boundary around it
// says so and the editor, player and panels keep working.
const GraphView = lazy(() =>
  import('./graph/GraphView.tsx').then((m) => ({ default: m.GraphView })),
);

function GraphArea() {
  const graph = useApp((s) => s.derived.graph);
  const evaluation = useApp((s) => s.derived.evaluation);
  const frame = useApp((s) => s.frame);
  const stale = useApp((s) => s.derived.stale);
  const selection = useApp((s) => s.editorSelection);
  const selected = useApp((s) => s.selected);
  const showEdgePartials = useApp((s) => s.showEdgePartials);
  const mode = useApp((s) => s.derived.trace?.mode);
  const hovered = useApp((s) => s.hovered);
  const highlighted = useMemo(() => {
    const ids = highlightedNodes(graph, selection, stale, hovered);
    return ids.length > 0 ? new Set(ids) : EMPTY;
  }, [graph, selection, stale, hovered]);
  // Bindings collapsed into blocks: the graph, numbers and ids as drawn.
  const shown = useBlockScene({
    graph,
    evaluation,
    frame,
    highlighted,
    selected,
    onHoverNode: appStore.getState().hoverNode,
    onSelectNode: appStore.getState().selectNode,
  });
  if (!graph || !evaluation || !frame || !shown.graph || !shown.evaluation || !shown.frame) {
    return (
      <p className="graph-empty">
        The graph appears as soon as the formula on the left is valid — see the message under it.
      </p>
    );
  }
  return (
    <GraphView
      graph={shown.graph}
      evaluation={shown.evaluation}
      frame={shown.frame}
      stale={stale}
      highlighted={shown.highlighted}
      selected={shown.selected}
      showEdgePartials={showEdgePartials}
      onHoverNode={shown.onHoverNode}
      onSelectNode={shown.onSelectNode}
      blocks={shown.blocks}
      onViewSize={shown.onViewSize}
      overlay={<BlockNotice />}
      {...(mode ? { mode } : {})}
    />
  );
}

/** The formula typeset from the graph, the part under the pointer or the text cursor boxed. */
function TypesetFormula() {
  // Typesetting waits for a background render, so a keystroke paints the graph first.
  const graph = useDeferredValue(useApp((s) => s.derived.graph));
  const stale = useDeferredValue(useApp((s) => s.derived.stale));
  const selection = useDeferredValue(useApp((s) => s.editorSelection));
  const hovered = useDeferredValue(useApp((s) => s.hovered));
  if (!graph) return null;
  // A huge formula is not typeset (seconds of KaTeX); it says so and everything else still works.
  const refusal = typesetRefusal(graph);
  if (refusal) return <p className="note typeset-refused">{refusal}</p>;
  return (
    // While the text does not compile, the last valid formula stays (greyed, so nothing below
    // jumps as the learner types); the editor's own message says why.
    // Focusable: a long formula scrolls in this box, and keyboard users must be able to scroll it.
    <div
      className={`typeset-formula${stale ? ' is-stale' : ''}`}
      title={stale ? 'The last formula that worked' : undefined}
      role="region"
      aria-label="The formula, typeset"
      tabIndex={0}
    >
      <FormulaTex
        graph={graph}
        highlightedNode={formulaFocusNode(graph, selection, stale, hovered)}
      />
      {stale && <span className="visually-hidden">(the last formula that worked)</span>}
    </div>
  );
}

function EdgePartialsToggle() {
  const show = useApp((s) => s.showEdgePartials);
  return (
    <label className="toggle">
      <input
        type="checkbox"
        checked={show}
        onChange={(e) => appStore.getState().setShowEdgePartials(e.target.checked)}
      />
      Show ∂ on edges
    </label>
  );
}

export function App() {
  const internalError = useApp((s) => s.derived.internalError);
  const frame = useFrameAttributes();
  const embed = useStore(displayStore, (s) => s.embed);
  useApplyViewPrefs();
  useEmbedBridge();

  return (
    <div className="app" {...frame}>
      {/* Embedded in another page (embed=1), the page has no header of its own. */}
      {!embed && (
        <header className="app-header">
          <h1>Autodiff Playground</h1>
          <div className="header-menus">
            <ExamplesMenu />
            <LessonsMenu />
            <QuizSwitch />
          </div>
          <ViewControls>
            <EdgePartialsToggle />
            <PresentToggle />
          </ViewControls>
          <PresentControls />
        <ShareButton />
        </header>
      )}
      {/* Inside the layout, under the header: a long message wraps here instead of stretching it. */}
      <Notice />
      <UpdatePrompt />
      {/* DOM order is the reading and tab order of the stacked (narrow) layout; the wide grid
          places the same regions side by side (app.css). */}
      <main className="app-main">
        <section className="editor-col" aria-label="Formula and variables">
          <FormulaBoundary area="lesson and quiz">
            <LessonPanel />
            <QuizPanel />
          </FormulaBoundary>
          <FormulaBoundary area="typeset formula">
            <TypesetFormula />
          </FormulaBoundary>
          <FormulaBoundary area="editor">
            <FormulaEditor />
            <OutputValue />
            <VariableInputs />
            <ExampleLesson />
          </FormulaBoundary>
        </section>
        <section className="graph-col" aria-label="Computational graph">
          <div className="graph-area">
            <MergeFlag />
            <FormulaBoundary area="graph">
              <Suspense fallback={<p className="graph-empty">Drawing the graph…</p>}>
                <GraphArea />
              </Suspense>
            </FormulaBoundary>
          </div>
          <ConventionLegend />
          <PresenterCaption />
          <PrintGraph />
          {internalError && (
            <p className="crash" role="alert">
              The engine could not compute this formula ({internalError}); showing the last result.
            </p>
          )}
        </section>
        <div className="player-row">
          <FormulaBoundary area="player">
            <PlayerBar />
          </FormulaBoundary>
        </div>
        <aside className="side-col" aria-label="Explanation and checks">
          <FormulaBoundary area="side panel">
            <StepExplanation />
            <NodeDetails />
            <GradientCheck />
            <JacobianPanel />
          </FormulaBoundary>
        </aside>
        <DrawerRow>
          <FormulaBoundary area="teaching panels">
            <TeachDrawer />
          </FormulaBoundary>
        </DrawerRow>
      </main>
    </div>
  );
}

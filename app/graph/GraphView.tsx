// The computational graph: React draws every node and edge from the Layout and the Frame; d3 only
// lays out (d3-dag), shapes paths (d3-shape) and pans/zooms (d3-zoom, bound to the <svg>).
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type JSX,
  type ReactNode,
} from 'react';
import type { Evaluation, Frame, Graph, Mode } from '../../ad-core/index.ts';
import { bundleOf, pathsOf, type EdgePaths } from './edgeBundle.ts';
import { FlowDot, GraphEdgeView } from './GraphEdge.tsx';
import { GraphNodeView } from './GraphNode.tsx';
import { BlockNodeView, type GraphBlocks } from './BlockNode.tsx';
import { SelectedDetail } from './SelectedDetail.tsx';
import { isForwardMode, stepView } from './frameView.ts';
import { adjointName, tangentName } from './labels.ts';
import type { Layout } from './layout.ts';
import { useLayout } from './useLayout.ts';
import { drawingKeys } from './stableKeys.ts';
import { useReducedMotion } from './useReducedMotion.ts';
import { isOverview, useZoom, type Size } from './useZoom.ts';
import { CanvasLayer } from './canvasLayer.tsx';
import { useFullDrawing } from '../export/fullDrawing.ts';
import { canvasSceneOf, nodeAt, type PaintState } from './canvasPaint.ts';
import { DRAW_LIMIT, domNodeIds, sameIds, tooLargeToDraw, usesCanvas } from './lodSelect.ts';
import './graph.css';

export interface GraphViewProps {
  graph: Graph;
  evaluation: Evaluation;
  frame: Frame;
  /** The formula is currently invalid: draw the last valid graph dimmed. */
  stale: boolean;
  /** Nodes whose source spans overlap the editor's cursor. */
  highlighted: ReadonlySet<number>;
  selected: number | null;
  showEdgePartials: boolean;
  onHoverNode(id: number | null): void;
  onSelectNode(id: number | null): void;
  /** Optional: the trace's mode; without it, forward mode is recognised from the frame. */
  mode?: Mode;
  /** Collapsed blocks and expandable bindings (see useBlockScene). */
  blocks?: GraphBlocks | undefined;
  /** Told the graph area's size whenever it changes (the blocks' fit uses it). */
  onViewSize?: ((size: Size) => void) | undefined;
  /** Drawn over the graph area, e.g. the note about blocks collapsed to fit. */
  overlay?: ReactNode;
}

/** Above this many nodes, repainting every frame of an animation (pan, moving nodes) costs more
 * than it shows. */
const SMOOTH_PAN_LIMIT = 150;
/** Above this many nodes a new layout is shown at once: moving every node and morphing every
 * edge means a style, SVG layout and paint of the whole graph per frame for half a second after
 * each keystroke, and the next keystroke waits behind them. */
const MORPH_LIMIT = 40;

interface Scene {
  graph: Graph;
  evaluation: Evaluation;
  frame: Frame;
  layout: Layout;
  key: string;
}

export function GraphView(props: GraphViewProps): JSX.Element {
  // Past the level-of-detail drawing's limit nothing is laid out; the rest of the app still works.
  if (tooLargeToDraw(props.graph.nodes.length)) {
    return (
      <div className="gv gv--too-large">
        <p className="gv-too-large" role="status">
          This formula has {props.graph.nodes.length.toLocaleString('en')} nodes: too large to draw
          whole (the drawing stops at {DRAW_LIMIT.toLocaleString('en')}) — the trace table and the
          gradient check still work.
        </p>
        {props.overlay}
      </div>
    );
  }
  return <DrawnGraphView {...props} />;
}

function DrawnGraphView(props: GraphViewProps): JSX.Element {
  const { graph, evaluation, frame } = props;
  const { laid, pending, failed } = useLayout(graph);

  // While a large graph's layout is being computed we keep drawing the previous graph with the
  // numbers that belong to it, never the new numbers on the old shape.
  const live: Scene | null =
    laid && laid.graph === graph
      ? { graph, evaluation, frame, layout: laid.layout, key: laid.key }
      : null;
  const [held, setHeld] = useState<Scene | null>(live);
  const same = live !== null && held !== null && sameScene(live, held);
  if (live && !same) setHeld(live);
  // The held object when nothing changed, so that memoised content survives pan and zoom renders.
  const scene = same ? held : (live ?? held);

  const containerRef = useRef<HTMLDivElement>(null);
  const surfaceRef = useRef<HTMLDivElement>(null);
  const size = useSize(containerRef);
  const sizeRef = useRef(size);
  useEffect(() => {
    sizeRef.current = size;
  });
  const { transform, fit, zoomBy, reveal } = useZoom(surfaceRef, size);
  const onViewSize = props.onViewSize;
  useEffect(() => {
    if (size.width > 0 && size.height > 0) onViewSize?.(size);
  }, [size, onViewSize]);

  // Fit whenever the formula's shape changes (animated) or the view is resized.
  const fitted = useRef<string | null>(null);
  const layout = scene?.layout;
  const sceneKey = scene?.key;
  const currentFrame = scene?.frame;
  const currentPoint = useMemo(() => {
    if (!layout || !currentFrame) return undefined;
    const ids = stepView(currentFrame).currentNodes;
    // Before the first step, the inputs are where the story starts.
    const first = scene?.graph.inputs[0];
    const p = layout.nodes.find((n) => (ids.size > 0 ? ids.has(n.id) : n.id === first));
    return p ? ([p.x, p.y] as const) : undefined;
  }, [layout, currentFrame, scene?.graph]);
  useLayoutEffect(() => {
    if (!layout || sceneKey === undefined || size.width === 0 || size.height === 0) return;
    const animate = fitted.current !== null && fitted.current !== sceneKey;
    fitted.current = sceneKey;
    // Past MORPH_LIMIT the nodes jump to their new places, and so does the view with them.
    fit(layout, size, animate && layout.nodes.length <= MORPH_LIMIT, true);
  }, [layout, sceneKey, size, fit]);

  // Keep the current step on screen when the graph is bigger than the view (this runs after the
  // fit above, which is a layout effect, so a new formula is fitted first and then followed).
  useEffect(() => {
    if (layout) reveal(currentPoint, layout, size, layout.nodes.length <= SMOOTH_PAN_LIMIT);
  }, [currentPoint, layout, size, reveal]);

  // Callbacks from the parent may change identity every render; nodes are memoised, so route
  // events through a ref that always holds the latest ones.
  const handlers = useRef({ onHoverNode: props.onHoverNode, onSelectNode: props.onSelectNode });
  useEffect(() => {
    handlers.current = { onHoverNode: props.onHoverNode, onSelectNode: props.onSelectNode };
  });
  const selectedRef = useRef(props.selected);
  useEffect(() => {
    selectedRef.current = props.selected;
  });
  const onHover = useCallback((id: number | null) => handlers.current.onHoverNode(id), []);
  // A node reached with Tab must be on screen, or its focus ring cannot be seen.
  const sceneRef = useRef(scene);
  useEffect(() => {
    sceneRef.current = scene;
  });
  // The node that has keyboard focus stays a DOM element while the canvas draws the rest.
  const [focused, setFocused] = useState<number | null>(null);
  const onFocusNode = useCallback(
    (id: number) => {
      setFocused(id);
      const l = sceneRef.current?.layout;
      const p = l?.nodes.find((n) => n.id === id);
      if (l && p) reveal([p.x, p.y], l, sizeRef.current);
    },
    [reveal],
  );
  const onSelect = useCallback(
    (id: number) => handlers.current.onSelectNode(selectedRef.current === id ? null : id),
    [],
  );

  const uid = `gv${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const markers = useMemo(
    () => ({
      arrow: `${uid}-arrow`,
      arrowActive: `${uid}-arrow-active`,
      flowBack: `${uid}-flow-back`,
    }),
    [uid],
  );

  const reducedMotion = useReducedMotion();

  // Level of detail: past CANVAS_THRESHOLD nodes a canvas paints the graph and only a
  // neighbourhood of the current step (and, zoomed in, the nodes in view) stays DOM (lodSelect.ts).
  const canvasMode = layout !== undefined && usesCanvas(layout.nodes.length);
  const lodTransform = canvasMode && !isOverview(transform.k) ? transform : null;
  const computedDom = useMemo(() => {
    if (!canvasMode || !scene) return undefined;
    return domNodeIds({
      graph: scene.graph,
      positions: scene.layout.nodes,
      current: stepView(scene.frame).currentNodes,
      selected: props.selected,
      focused,
      view: lodTransform ? { transform: lodTransform, size } : null,
    });
  }, [canvasMode, scene, props.selected, focused, lodTransform, size]);
  // The same members keep the same set, so panning that brings no new node into view re-renders
  // none of the DOM nodes.
  const [heldDom, setHeldDom] = useState(computedDom);
  const sameDom =
    computedDom !== undefined && heldDom !== undefined && sameIds(computedDom, heldDom);
  if (!sameDom && computedDom !== heldDom) setHeldDom(computedDom);
  const dom = sameDom ? heldDom : computedDom;
  const forwardMode = scene
    ? props.mode
      ? props.mode === 'forward'
      : isForwardMode(scene.frame)
    : false;
  const paintState = useMemo<PaintState | null>(() => {
    if (!scene || !dom) return null;
    return {
      values: scene.frame.values,
      adjoints: scene.frame.adjoints,
      tangents: scene.frame.tangents,
      forwardMode,
      current: stepView(scene.frame).currentNodes,
      activeEdges: new Set(scene.frame.activeEdges),
      selected: props.selected,
      skip: dom,
    };
  }, [scene, dom, forwardMode, props.selected]);
  // The picture downloads and paper draw every node from this, not from the few DOM nodes.
  useFullDrawing(
    containerRef,
    canvasMode && scene && paintState
      ? { graph: scene.graph, layout: scene.layout, state: paintState }
      : null,
  );

  const content = useMemo(() => {
    if (!scene) return null;
    const common = {
      dom,
      scene,
      highlighted: props.highlighted,
      selected: props.selected,
      showEdgePartials: props.showEdgePartials,
      forwardMode: props.mode ? props.mode === 'forward' : isForwardMode(scene.frame),
      markers,
      animate: !reducedMotion,
      onHover,
      onFocusNode,
      onSelect,
      blocks: props.blocks?.graph === scene.graph ? props.blocks : undefined,
    };
    return {
      graph: <SceneContent {...common} part="graph" />,
      labels: <SceneContent {...common} part="labels" />,
    };
  }, [
    scene,
    props.highlighted,
    props.selected,
    props.showEdgePartials,
    props.mode,
    markers,
    reducedMotion,
    onHover,
    onFocusNode,
    onSelect,
    props.blocks,
    dom,
  ]);
  const waiting = !props.stale && pending && scene?.graph !== graph;
  // Say so when part of the graph is off screen, so nobody takes the visible part for all of it.
  const clipped =
    layout !== undefined &&
    size.width > 0 &&
    (transform.x < -1 ||
      transform.y < -1 ||
      transform.x + transform.k * layout.width > size.width + 1 ||
      transform.y + transform.k * layout.height > size.height + 1);
  // Zoomed out so far that its text would be under 14 px: shapes and edges only, and say so.
  const overview = layout !== undefined && isOverview(transform.k);
  return (
    <div
      className={[
        'gv',
        props.stale && 'gv--stale',
        waiting && 'gv--pending',
        layout && layout.nodes.length > SMOOTH_PAN_LIMIT && 'gv--large',
        layout && layout.nodes.length > MORPH_LIMIT && 'gv--still',
        overview && 'gv--overview',
        // The bottom note is on: the drawing keeps out of its band (graph.css).
        (overview || clipped) && !props.stale && !pending && 'gv--part',
      ]
        .filter(Boolean)
        .join(' ')}
      ref={containerRef}
    >
      {/* d3-zoom listens on the surface; the stage carries the pan and zoom as a CSS transform
          of an <svg> as big as the drawing, so panning moves pixels instead of laying out and
          repainting every node of the SVG (as a transform inside it would). */}
      <div
        className="gv-surface"
        ref={surfaceRef}
        onClick={(event) => {
          // On the canvas a click selects the node painted under it.
          if (canvasMode && scene) {
            const box = event.currentTarget.getBoundingClientRect();
            const x = (event.clientX - box.left - transform.x) / transform.k;
            const y = (event.clientY - box.top - transform.y) / transform.k;
            const hit = nodeAt(canvasSceneOf(scene.graph, scene.layout), x, y, 4 / transform.k);
            if (hit !== null) return handlers.current.onSelectNode(hit);
          }
          handlers.current.onSelectNode(null);
        }}
      >
        {canvasMode && scene && paintState && (
          <CanvasLayer
            scene={canvasSceneOf(scene.graph, scene.layout)}
            state={paintState}
            transform={transform}
            size={size}
            label={`The whole graph, ${scene.layout.nodes.length.toLocaleString('en')} nodes, drawn as a picture; the current step, its neighbours and the nodes in view are also graph nodes you can reach with Tab`}
          />
        )}
        <div className="gv-stage" style={{ transform: cssTransform(transform) }}>
          <svg
            className="gv-svg"
            width={canvasExtent(layout?.width ?? 0)}
            height={canvasExtent(layout?.height ?? 0)}
            role="group"
            aria-label="Computational graph"
          >
            <defs>
              <Arrowhead id={markers.arrow} className="gv-marker" refX={9} size={7} />
              <Arrowhead
                id={markers.arrowActive}
                className="gv-marker gv-marker--active"
                refX={9}
                size={4.5}
              />
              <Arrowhead
                id={markers.flowBack}
                className="gv-marker gv-marker--back"
                refX={2}
                size={4}
                orient="auto-start-reverse"
              />
            </defs>
            {content?.graph}
          </svg>
          {/* What changes from step to step without moving the nodes (the travelling dots; the
              amounts on the edges and the selected node's detail) is drawn over the graph in
              <svg>s of their own, so that a moving dot repaints a dot, not the graph. */}
          {scene && !reducedMotion && (
            <svg
              className="gv-overlay gv-overlay--dots"
              width={canvasExtent(scene.layout.width)}
              height={canvasExtent(scene.layout.height)}
              aria-hidden="true"
              focusable="false"
            >
              <FlowDots frame={scene.frame} paths={pathsOf(scene.layout)} />
            </svg>
          )}
          {scene && (
            <svg
              className="gv-overlay gv-overlay--labels"
              width={canvasExtent(scene.layout.width)}
              height={canvasExtent(scene.layout.height)}
              role="group"
              aria-label="Edge labels"
            >
              {content?.labels}
            </svg>
          )}
        </div>
      </div>
      <div className="gv-controls">
        {/* "Fit" on screen (the accessible name says it in full): short enough that the note
            about collapsed blocks shares the top row with these buttons, above the drawing. */}
        <button
          type="button"
          aria-label="Fit to view"
          title="Fit to view"
          onClick={() => layout && fit(layout, size, true)}
        >
          Fit
        </button>
        <button type="button" aria-label="Zoom in" title="Zoom in" onClick={() => zoomBy(1.25)}>
          +
        </button>
        <button type="button" aria-label="Zoom out" title="Zoom out" onClick={() => zoomBy(0.8)}>
          −
        </button>
      </div>
      {overview && !props.stale && !pending ? (
        <p className="gv-hint" role="status">
          {canvasMode
            ? 'Overview: blue = value, vermillion = adjoint, orange ring = step · zoom in to read'
            : 'Overview: labels hidden, too small to read · zoom in (+) to read them'}
        </p>
      ) : (
        clipped &&
        !props.stale &&
        !pending && <p className="gv-hint">Part of the graph · drag to pan, or Fit</p>
      )}
      {props.stale && (
        <p className="gv-note" role="status">
          Showing the last valid formula
        </p>
      )}
      {waiting && (
        <p className="gv-note gv-note--pending" role="status">
          Laying out {graph.nodes.length} nodes…
        </p>
      )}
      {failed !== null && !props.stale && (
        <p className="gv-note" role="status">
          Could not lay out this graph ({failed}) · showing the last drawing
        </p>
      )}
      {props.overlay}
    </div>
  );
}

interface SceneContentProps {
  /** The edges and nodes, or what goes over them: edge labels and the selected node's detail. */
  part: 'graph' | 'labels';
  /** With a canvas drawing the graph: the nodes that are also DOM elements (else all are). */
  dom: ReadonlySet<number> | undefined;
  scene: Scene;
  highlighted: ReadonlySet<number>;
  selected: number | null;
  showEdgePartials: boolean;
  forwardMode: boolean;
  markers: { arrow: string; arrowActive: string; flowBack: string };
  animate: boolean;
  onHover(id: number | null): void;
  onFocusNode(id: number): void;
  onSelect(id: number): void;
  blocks: GraphBlocks | undefined;
}

/** The moving dots of the current step's flows, for the overlay. */
function FlowDots({ frame, paths }: { frame: Frame; paths: EdgePaths }) {
  const { flows } = useMemo(() => stepView(frame), [frame]);
  return (
    <>
      {[...flows].map(([id, flow]) => {
        const d = paths.get(id);
        return d === undefined ? null : <FlowDot key={id} d={d} kind={flow.kind} />;
      })}
    </>
  );
}

function SceneContent(props: SceneContentProps) {
  const { graph, evaluation, frame, layout } = props.scene;
  const paths = pathsOf(layout);
  const { currentNodes, flows } = useMemo(() => stepView(frame), [frame]);
  const active = useMemo(() => new Set(frame.activeEdges), [frame]);
  // Keys that survive renumbering: an edit re-renders what it changed, not every node after it.
  // Under a canvas only a neighbourhood is DOM, a few dozen elements that are cheap to update in
  // place, while keying every node by its structure costs ~0.2 s at 20,000 nodes: keyed by id there.
  const keys = props.dom ? undefined : drawingKeys(graph);
  const morph = props.animate && layout.nodes.length <= MORPH_LIMIT;
  // Past MORPH_LIMIT (where nothing morphs) the edges are drawn as one bundle, and only those with
  // something to show in this step as elements of their own, over it.
  const bundled = layout.nodes.length > MORPH_LIMIT;
  const edgeProps = (layer: 'line' | 'label') =>
    layout.edges.map((e) => {
      const edge = graph.edges[e.id];
      if (!edge) return null;
      if (layer === 'line' && bundled && !active.has(e.id) && !flows.has(e.id)) return null;
      // Under a canvas, labels only where both ends are DOM nodes, or something flows.
      if (
        layer === 'label' &&
        props.dom &&
        !flows.has(e.id) &&
        !(props.dom.has(edge.from) && props.dom.has(edge.to))
      ) {
        return null;
      }
      const known = frame.values[edge.to] !== null && frame.values[edge.to] !== undefined;
      // A constant's partial leads nowhere a learner differentiates by; showing it (often NaN, as
      // ∂(x^2)/∂2 at x < 0) would only distract.
      const fromConstant = graph.nodes[edge.from]?.kind === 'constant';
      const partial =
        props.showEdgePartials && known && !fromConstant
          ? (evaluation.partials[e.id] ?? null)
          : null;
      const flow = flows.get(e.id) ?? null;
      // Most edges carry no label; a component per edge that renders nothing still costs a fiber
      // to reconcile on every keystroke.
      if (layer === 'label' && partial === null && (flow?.amount ?? null) === null) return null;
      const receiver =
        flow?.kind === 'adjoint'
          ? adjointName(graph.nodes[edge.from]?.name ?? '')
          : tangentName(graph.nodes[edge.to]?.name ?? '');
      return (
        <GraphEdgeView
          key={keys?.edge[e.id] ?? e.id}
          id={e.id}
          d={paths.get(e.id) ?? ''}
          mid={e.mid}
          // A contribution's place is read only where one is shown: it is placed on first read.
          tail={flow?.kind === 'adjoint' && flow.amount !== null ? e.tail : e.mid}
          active={active.has(e.id)}
          flow={flow}
          partial={partial}
          receiver={receiver}
          markers={props.markers}
          layer={layer}
          morph={morph}
        />
      );
    });
  const selectedPos = layout.nodes.find((n) => n.id === props.selected);
  const selectedNode = props.selected === null ? undefined : graph.nodes[props.selected];
  if (props.part === 'labels') {
    return (
      <>
        <g className="gv-edge-label-layer">{edgeProps('label')}</g>
        {selectedPos && selectedNode && (
          <SelectedDetail
            node={selectedNode}
            x={selectedPos.x}
            y={selectedPos.y}
            value={frame.values[selectedNode.id] ?? null}
            adjoint={frame.adjoints[selectedNode.id] ?? null}
            tangent={frame.tangents[selectedNode.id] ?? null}
            forwardMode={props.forwardMode}
            rule={evaluation.conventions.get(selectedNode.id)}
          />
        )}
      </>
    );
  }
  return (
    <>
      <g className="gv-edges">
        {bundled && !props.dom && <EdgeBundleView layout={layout} />}
        {edgeProps('line')}
      </g>
      <g className="gv-nodes">
        {layout.nodes.map((p) => {
          if (props.dom && !props.dom.has(p.id)) return null;
          const node = graph.nodes[p.id];
          if (!node) return null;
          const block = props.blocks?.collapsed.get(p.id);
          if (block && props.blocks) {
            return (
              <BlockNodeView
                key={keys?.node[p.id] ?? p.id}
                node={node}
                block={block}
                sourceId={props.blocks.sourceOf(p.id)}
                x={p.x}
                y={p.y}
                value={frame.values[p.id] ?? null}
                adjoint={frame.adjoints[p.id] ?? null}
                tangent={frame.tangents[p.id] ?? null}
                forwardMode={props.forwardMode}
                isOutput={p.id === graph.output}
                current={currentNodes.has(p.id)}
                highlighted={props.highlighted.has(p.id)}
                params={props.blocks.params.get(p.id)}
                onToggle={props.blocks.onToggle}
                onHover={props.onHover}
                onFocusNode={props.onFocusNode}
              />
            );
          }
          return (
            <GraphNodeView
              blockName={props.blocks?.expanded.get(p.id)}
              onToggleBlock={props.blocks?.onToggle}
              sourceId={props.blocks?.sourceOf(p.id)}
              key={keys?.node[p.id] ?? p.id}
              graph={graph}
              node={node}
              x={p.x}
              y={p.y}
              labelSide={p.labelSide}
              value={frame.values[p.id] ?? null}
              adjoint={frame.adjoints[p.id] ?? null}
              tangent={frame.tangents[p.id] ?? null}
              forwardMode={props.forwardMode}
              rule={evaluation.conventions.get(p.id)}
              current={currentNodes.has(p.id)}
              highlighted={props.highlighted.has(p.id)}
              selected={props.selected === p.id}
              onHover={props.onHover}
              onFocusNode={props.onFocusNode}
              onSelect={props.onSelect}
            />
          );
        })}
      </g>
    </>
  );
}

/** All edges of a large graph: one path of lines, one of arrowheads (see edgeBundle). */
const EdgeBundleView = memo(function EdgeBundleView({ layout }: { layout: Layout }) {
  const { lines, heads } = bundleOf(layout);
  return (
    <g className="gv-edge-bundle" aria-hidden="true">
      <path className="gv-edge-line" d={lines} />
      <path className="gv-edge-heads" d={heads} />
    </g>
  );
});

/** The <svg>s' size, rounded up to a coarse step. Their content overflows visibly and is placed
 * by the layout alone, but a changed <svg> size makes Chromium lay out every text inside it
 * again (≈ 3.5 ms per edit at 100 nodes), so the size only changes when the drawing outgrows it. */
const CANVAS_STEP = 512;
export function canvasExtent(v: number): number {
  return v <= 0 ? 0 : Math.ceil(v / CANVAS_STEP) * CANVAS_STEP;
}

function cssTransform(t: { x: number; y: number; k: number }): string {
  return `translate(${t.x}px, ${t.y}px) scale(${t.k})`;
}

function sameScene(a: Scene, b: Scene): boolean {
  return (
    a.graph === b.graph &&
    a.evaluation === b.evaluation &&
    a.frame === b.frame &&
    a.layout === b.layout &&
    a.key === b.key
  );
}

function useSize(ref: React.RefObject<HTMLElement | null>): Size {
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = (width: number, height: number) =>
      setSize((s) =>
        Math.abs(s.width - width) < 0.5 && Math.abs(s.height - height) < 0.5
          ? s
          : { width: Math.round(width), height: Math.round(height) },
      );
    const rect = el.getBoundingClientRect();
    measure(rect.width, rect.height);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[0]?.contentRect;
      if (box) measure(box.width, box.height);
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

interface ArrowheadProps {
  id: string;
  className: string;
  /** Where along the arrow (0–10) it touches the end of the edge. */
  refX: number;
  /** Size in multiples of the edge's stroke width. */
  size: number;
  orient?: 'auto' | 'auto-start-reverse';
}

/** One arrowhead marker; the edges refer to it by id. */
function Arrowhead({ id, className, refX, size, orient = 'auto' }: ArrowheadProps) {
  return (
    <marker
      id={id}
      className={className}
      viewBox="0 0 10 10"
      refX={refX}
      refY={5}
      markerWidth={size}
      markerHeight={size}
      markerUnits="strokeWidth"
      orient={orient}
    >
      <path d="M0,1 L9,5 L0,9 z" />
    </marker>
  );
}

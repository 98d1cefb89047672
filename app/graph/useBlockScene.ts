// The graph as drawn with blocks collapsed: the view graph, its numbers and the current step
// projected onto it, node ids translated both ways, and the automatic fit's choice kept up to
// date with the graph area's size. With no block collapsed everything passes through unchanged.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  blocksOf,
  viewEvaluation,
  viewFrame,
  visibleStepAt,
  type Evaluation,
  type Frame,
  type Graph,
} from '../../ad-core/index.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { blockViewFor, collapsedNames, stepGroupsOf } from '../store/blocks.ts';
import { foldedParamsOf, type GraphBlocks } from './BlockNode.tsx';
import type { Size } from './useZoom.ts';

export interface BlockSceneInput {
  graph: Graph | null;
  evaluation: Evaluation | null;
  frame: Frame | null;
  highlighted: ReadonlySet<number>;
  selected: number | null;
  onHoverNode(id: number | null): void;
  onSelectNode(id: number | null): void;
}

export interface BlockScene {
  graph: Graph | null;
  evaluation: Evaluation | null;
  frame: Frame | null;
  highlighted: ReadonlySet<number>;
  selected: number | null;
  onHoverNode(id: number | null): void;
  onSelectNode(id: number | null): void;
  blocks: GraphBlocks | undefined;
  onViewSize(size: Size): void;
}

const NO_BLOCKS = new Map();

export function useBlockScene(input: BlockSceneInput): BlockScene {
  const { graph, evaluation, frame } = input;
  const collapseUser = useApp((s) => s.collapseUser);
  const collapseAuto = useApp((s) => s.collapseAuto);
  const trace = useApp((s) => s.derived.trace);
  const namesKey = graph
    ? collapsedNames({ collapseUser, collapseAuto, derived: { graph } }).join('\u0000')
    : '';
  const view = useMemo(
    () => blockViewFor(graph, namesKey === '' ? [] : namesKey.split('\u0000')),
    [graph, namesKey],
  );
  const shownEvaluation = useMemo(
    () => (view && evaluation ? viewEvaluation(view, evaluation) : evaluation),
    [view, evaluation],
  );
  const groups = useMemo(
    () =>
      graph && trace?.graph === graph
        ? stepGroupsOf({ collapseUser, collapseAuto, derived: { graph, trace } })
        : null,
    [graph, trace, collapseUser, collapseAuto],
  );
  const shownFrame = useMemo(
    () =>
      view && groups && frame ? viewFrame(view, groups, frame, visibleStepAt(groups, frame.step)) : frame,
    [view, groups, frame],
  );
  const toView = useCallback(
    (id: number): number => {
      if (!view) return id;
      const v = view.fromSource[id] ?? -1;
      if (v >= 0) return v;
      // A folded parameter is written on its block.
      if ((view.foldedAt[id] ?? -1) >= 0) return view.foldedAt[id]!;
      const owner = view.ownerOf[id] ?? -1;
      return owner >= 0 ? view.fromSource[view.blockList[owner]!.node]! : -1;
    },
    [view],
  );
  const highlighted = useMemo(() => {
    if (!view || input.highlighted.size === 0) return input.highlighted;
    return new Set([...input.highlighted].map(toView).filter((v) => v >= 0));
  }, [view, input.highlighted, toView]);
  const selectedView = input.selected === null || !view ? input.selected : view.fromSource[input.selected] ?? -1;
  const { onHoverNode, onSelectNode } = input;
  const hover = useCallback(
    (id: number | null) => onHoverNode(id === null || !view ? id : view.toSource[id]!),
    [view, onHoverNode],
  );
  const select = useCallback(
    (id: number | null) => onSelectNode(id === null || !view ? id : view.toSource[id]!),
    [view, onSelectNode],
  );
  const params = useMemo(() => foldedParamsOf(view, frame), [view, frame]);
  const blocks = useMemo<GraphBlocks | undefined>(() => {
    if (!graph) return undefined;
    const all = blocksOf(graph);
    if (all.length === 0) return undefined;
    const expanded = new Map<number, string>();
    for (const b of all) {
      const v = view ? view.fromSource[b.node]! : b.node;
      if (!view?.blocks.has(v)) expanded.set(v, b.name);
    }
    return {
      graph: view?.graph ?? graph,
      collapsed: view?.blocks ?? NO_BLOCKS,
      expanded,
      sourceOf: view ? (id) => view.toSource[id]! : (id) => id,
      params,
      onToggle: (name) => appStore.getState().toggleBlock(name),
    };
  }, [graph, view, params]);

  // The fit's choice follows the graph, the graph area's size and the user's own choices.
  const [size, setSize] = useState<Size | null>(null);
  const onViewSize = useCallback((s: Size) => setSize(s), []);
  // Not re-run when the user expands a block: the fit does not answer that by collapsing another.
  const userRef = useRef(collapseUser);
  useEffect(() => {
    userRef.current = collapseUser;
  });
  useEffect(() => {
    if (!graph || !size) return;
    const collapseUser = userRef.current;
    let live = true;
    // Loaded with the drawing code (layouts), not with the page: see App's lazy GraphView.
    void import('./autoCollapse.ts').then(({ autoCollapseFor }) => {
      if (live) appStore.getState().setAutoCollapsed(autoCollapseFor(graph, size, collapseUser));
    });
    return () => {
      live = false;
    };
  }, [graph, size]);

  return {
    graph: view?.graph ?? graph,
    evaluation: shownEvaluation,
    frame: shownFrame,
    highlighted,
    selected: selectedView === -1 ? null : selectedView,
    onHoverNode: hover,
    onSelectNode: select,
    blocks,
    onViewSize,
  };
}

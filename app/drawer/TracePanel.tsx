import { useDeferredValue } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { TraceTable } from '../teach/TraceTable.tsx';
import { useBugOrigin } from '../buglab/useBugOrigin.ts';
import { blockViewOf } from '../store/blocks.ts';

const hover = (id: number | null) => appStore.getState().hoverNode(id);

/** The trace table at the player's current step; hovering a row and a graph node are one state. */
export function TracePanel() {
  // A long table re-renders after the graph has painted, never in the way of a keystroke.
  const trace = useDeferredValue(useApp((s) => s.derived.trace));
  const frame = useDeferredValue(useApp((s) => s.frame));
  const hovered = useApp((s) => s.hovered);
  const bugOrigin = useBugOrigin();
  const blockView = useDeferredValue(useApp(blockViewOf));
  if (!trace || !frame)
    return <p className="drawer-empty">The trace table fills in once the formula is valid.</p>;
  return <TraceTable trace={trace} frame={frame} hoveredNode={hovered} onHoverNode={hover} bugOrigin={bugOrigin} blockView={blockView} />;
}

// What the current step means for the drawing: which nodes are current, what flows along which
// edge and which way, and whether tangents are on show. Pure, so it can be tested on its own.
import type { Frame } from '../../ad-core/index.ts';
import type { EdgeFlow } from './GraphEdge.tsx';

export interface StepView {
  currentNodes: ReadonlySet<number>;
  flows: ReadonlyMap<number, EdgeFlow>;
}

export function stepView(frame: Frame): StepView {
  const currentNodes = new Set<number>();
  const flows = new Map<number, EdgeFlow>();
  const step = frame.current;
  if (!step) return { currentNodes, flows };
  switch (step.kind) {
    case 'evaluate': {
      currentNodes.add(step.node);
      const amounts = new Map((step.contributions ?? []).map((c) => [c.edge, c.amount]));
      for (const edge of frame.activeEdges) {
        const amount = amounts.get(edge);
        flows.set(
          edge,
          amount === undefined ? { kind: 'value', amount: null } : { kind: 'tangent', amount },
        );
      }
      break;
    }
    case 'seed-tangents':
      for (const t of step.tangents) currentNodes.add(t.node);
      break;
    case 'seed-adjoint':
      currentNodes.add(step.node);
      break;
    case 'propagate':
      currentNodes.add(step.node);
      for (const c of step.contributions) flows.set(c.edge, { kind: 'adjoint', amount: c.amount });
      break;
  }
  return { currentNodes, flows };
}

/** Forward mode shows tangents; a frame is in forward mode once any tangent is known or seeded. */
export function isForwardMode(frame: Frame): boolean {
  const step = frame.current;
  if (step?.kind === 'seed-tangents') return true;
  if (step?.kind === 'evaluate' && step.tangent !== undefined) return true;
  return frame.tangents.some((t) => t !== null);
}

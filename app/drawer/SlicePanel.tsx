import { appStore, useApp } from '../store/appStore.ts';
import { plotVariableOf, selectGradient } from '../store/teachData.ts';
import { FunctionSlice } from '../teach/FunctionSlice.tsx';
import { fitPlotHeight } from './use-height.ts';
import { HessianSection, useHessian } from '../teach/HessianSection.tsx';
import { FollowedOutputLine } from '../panels/JacobianOutputChoice.tsx';

const choose = (v: string) => appStore.getState().setPlotVariable(v);

/** f along the chosen variable through the current point (and its contours for two variables). */
export function SlicePanel({ available }: { available: number }) {
  const graph = useApp((s) => s.derived.graph);
  const point = useApp((s) => s.derived.point);
  const chosen = useApp((s) => s.plotVariable);
  const derived = useApp((s) => s.derived);
  const variable = plotVariableOf(derived, chosen);
  const hess = useHessian(graph, point);
  if (!graph || variable === null) {
    return (
      <p className="drawer-empty">The function slice needs a formula with at least one variable.</p>
    );
  }
  return (
    <>
      <FunctionSlice
        graph={graph}
        point={point}
        gradient={selectGradient(derived)}
        variable={variable}
        onVariableChange={choose}
        height={fitPlotHeight(available, 100, 180, 300)}
        hessian={hess?.ok ? hess.matrix : null}
        output={<FollowedOutputLine />}
      />
      <HessianSection result={hess} output={<FollowedOutputLine switchable={false} />} />
    </>
  );
}

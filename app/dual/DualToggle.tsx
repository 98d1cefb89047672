import { useApp } from '../store/appStore.ts';
import { dualStore, useDual } from './dualStore.ts';

/** Forward mode only: write every node as a dual number a + bε. */
export function DualToggle() {
  const mode = useApp((s) => s.mode);
  const on = useDual((s) => s.on);
  if (mode !== 'forward') return null;
  return (
    <label className="toggle dual-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(e) => dualStore.getState().setOn(e.target.checked)}
      />
      Dual numbers
    </label>
  );
}

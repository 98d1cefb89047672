import type { CSSProperties, ReactNode } from 'react';
import { DrawerResizer } from './DrawerResizer.tsx';
import { useView } from './viewStore.ts';

/** The drawer's place in the layout, at the height the learner chose (if any), with its handle. */
export function DrawerRow({ children }: { children: ReactNode }) {
  const height = useView((s) => s.drawerHeight);
  const style =
    height === null ? undefined : ({ '--drawer-height': `${height}px` } as CSSProperties);
  return (
    <div className="drawer-row" style={style}>
      <DrawerResizer />
      {children}
    </div>
  );
}

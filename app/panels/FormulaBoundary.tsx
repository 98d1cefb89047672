import type { ReactNode } from 'react';
import { useApp } from '../store/appStore.ts';
import { ErrorBoundary } from './ErrorBoundary.tsx';

/**
 * An error boundary that tries again whenever the formula changes. It subscribes to the source
 * itself, so a keystroke re-renders only this wrapper: the children are the same elements and
 * React skips them unless their own state changed.
 */
export function FormulaBoundary({ area, children }: { area: string; children: ReactNode }) {
  const source = useApp((s) => s.source);
  return (
    <ErrorBoundary area={area} resetKey={source}>
      {children}
    </ErrorBoundary>
  );
}

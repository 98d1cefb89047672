import { useId } from 'react';

/** A unique id made only of characters that are safe inside `url(#…)` and CSS selectors. */
export function useSafeId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}

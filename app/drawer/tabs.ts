// The drawer's tabs and the ARIA tablist keyboard model (← → Home End move between tabs).
import { DRAWER_TABS, type DrawerTab } from '../store/store.ts';

export const TAB_LABELS: Record<DrawerTab, string> = {
  trace: 'Trace table',
  error: 'Error plot',
  slice: 'Function slice',
  cost: 'Forward vs reverse',
  bugs: 'Bug lab',
  train: 'Train',
};

/** The tab a key moves to from `current`, wrapping around; null for keys the tablist ignores. */
export function tabForKey(current: DrawerTab, key: string): DrawerTab | null {
  const i = DRAWER_TABS.indexOf(current);
  const n = DRAWER_TABS.length;
  switch (key) {
    case 'ArrowRight':
      return DRAWER_TABS[(i + 1) % n]!;
    case 'ArrowLeft':
      return DRAWER_TABS[(i - 1 + n) % n]!;
    case 'Home':
      return DRAWER_TABS[0];
    case 'End':
      return DRAWER_TABS[n - 1]!;
    default:
      return null;
  }
}

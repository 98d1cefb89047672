import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { appStore, useApp } from '../store/appStore.ts';
import { DRAWER_TABS, type DrawerTab } from '../store/store.ts';
import { TAB_LABELS, tabForKey } from './tabs.ts';
import { useHeight } from './use-height.ts';
import './drawer.css';

// Each panel (and the d3 plotting it needs) is fetched the first time its tab is opened, so the
// first paint of the playground does not wait for any of them.
const TracePanel = lazy(() => import('./TracePanel.tsx').then((m) => ({ default: m.TracePanel })));
const ErrorPanel = lazy(() => import('./ErrorPanel.tsx').then((m) => ({ default: m.ErrorPanel })));
const SlicePanel = lazy(() => import('./SlicePanel.tsx').then((m) => ({ default: m.SlicePanel })));
const CostTab = lazy(() => import('./CostTab.tsx').then((m) => ({ default: m.CostTab })));
const BugLabTab = lazy(() =>
  import('../buglab/BugLabTab.tsx').then((m) => ({ default: m.BugLabTab })),
);

const TrainTab = lazy(() => import('../train/TrainTab.tsx').then((m) => ({ default: m.TrainTab })));

function panelFor(tab: DrawerTab, height: number): ReactNode {
  switch (tab) {
    case 'trace':
      return <TracePanel />;
    case 'error':
      return <ErrorPanel available={height} />;
    case 'slice':
      return <SlicePanel available={height} />;
    case 'cost':
      return <CostTab />;
    case 'bugs':
      return <BugLabTab />;
    case 'train':
      return <TrainTab available={height} />;
  }
}

/**
 * The teaching panels under the graph, one tab at a time. Only the shown tab is mounted, so the
 * sweep, slice and contour are never computed for a panel nobody sees. Collapsed, only the tab
 * strip remains and the graph gets the height back.
 */
export function TeachDrawer() {
  const tab = useApp((s) => s.drawerTab);
  const open = useApp((s) => s.drawerOpen);
  const base = useId();
  const tabRefs = useRef(new Map<DrawerTab, HTMLButtonElement>());
  const [panelEl, setPanelEl] = useState<HTMLDivElement | null>(null);
  const panelHeight = useHeight(panelEl);
  const tabId = (t: DrawerTab) => `${base}-tab-${t}`;
  const panelId = (t: DrawerTab) => `${base}-panel-${t}`;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const next = tabForKey(tab, event.key);
    if (!next) return;
    // preventDefault also tells the player's global keys (←/→/Home/End) that this key is taken.
    event.preventDefault();
    appStore.getState().openDrawerTab(next);
    tabRefs.current.get(next)?.focus();
  };

  return (
    <section className={`drawer${open ? ' is-open' : ''}`} aria-label="Teaching panels">
      <div className="drawer-bar">
        <div role="tablist" aria-label="Teaching panels" className="drawer-tabs">
          {DRAWER_TABS.map((t) => (
            <button
              key={t}
              ref={(el) => {
                if (el) tabRefs.current.set(t, el);
                else tabRefs.current.delete(t);
              }}
              type="button"
              role="tab"
              id={tabId(t)}
              aria-selected={t === tab}
              aria-controls={panelId(t)}
              tabIndex={t === tab ? 0 : -1}
              className="drawer-tab"
              onClick={() => appStore.getState().openDrawerTab(t)}
              onKeyDown={onKeyDown}
            >
              {TAB_LABELS[t]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="drawer-toggle"
          aria-expanded={open}
          aria-controls={panelId(tab)}
          aria-label={open ? 'Hide panels' : 'Show panels'}
          title={open ? 'Hide panels' : 'Show panels'}
          onClick={() => appStore.getState().setDrawerOpen(!open)}
        >
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
            <path
              d={open ? 'M3 6l5 5 5-5' : 'M3 10l5-5 5 5'}
              fill="none"
              stroke="currentColor"
              strokeWidth="2.2"
            />
          </svg>
        </button>
      </div>
      {DRAWER_TABS.map((t) => (
        <div
          key={t}
          ref={t === tab ? setPanelEl : undefined}
          role="tabpanel"
          id={panelId(t)}
          aria-labelledby={tabId(t)}
          hidden={!open || t !== tab}
          className="drawer-panel"
          tabIndex={0}
        >
          {open && t === tab && (
            <Suspense fallback={<p className="drawer-empty">Loading…</p>}>
              {panelFor(t, panelHeight)}
            </Suspense>
          )}
        </div>
      ))}
    </section>
  );
}

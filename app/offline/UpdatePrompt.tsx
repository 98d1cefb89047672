import { useStore } from 'zustand';
import { dismissUpdate, reloadToUpdate, updateStore } from './updateStore.ts';

/**
 * "Update available — Reload": shown when a newer build of the playground is waiting in the
 * service worker. The live region is always in the page so that its message is announced.
 */
export function UpdatePrompt() {
  const needRefresh = useStore(updateStore, (s) => s.needRefresh);
  const reloading = useStore(updateStore, (s) => s.reloading);
  return (
    <div role="status" className={needRefresh ? 'update-prompt' : 'update-prompt empty'}>
      {needRefresh && (
        <>
          <span>Update available — a newer version of the playground is ready.</span>
          <button
            type="button"
            disabled={reloading}
            onClick={() => void reloadToUpdate()}
            title="Reload the page with the new version (your formula stays in the link)"
          >
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
          <button type="button" className="text-button" onClick={() => dismissUpdate()}>
            Not now
          </button>
        </>
      )}
    </div>
  );
}

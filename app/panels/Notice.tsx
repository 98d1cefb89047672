import { appStore, useApp } from '../store/appStore.ts';

/** A short status message (e.g. a damaged link); the live region is always present so it is announced. */
export function Notice() {
  const notice = useApp((s) => s.notice);
  return (
    <div role="status" data-testid="notice" className={notice ? 'notice' : 'notice empty'}>
      {notice && (
        <>
          <span>{notice}</span>
          <button type="button" className="text-button" onClick={() => appStore.getState().setNotice(null)}>
            Dismiss
          </button>
        </>
      )}
    </div>
  );
}

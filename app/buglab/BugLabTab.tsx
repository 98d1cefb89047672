import { useId, useMemo } from 'react';
import { BUGS, bugSites, isBugKind, type BugKind } from '../../ad-core/index.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { departureText, siteLabel } from './labels.ts';
import { FollowedOutputLine } from '../panels/JacobianOutputChoice.tsx';
import { FindTheBug } from './FindTheBug.tsx';
import { mismatchSentence } from './bugMismatches.ts';
import { useBugMismatches } from './useBugMismatches.ts';
import './buglab.css';

const NO_BUG = 'none';

/** The bug lab: plant one backward-pass bug and watch every panel show its consequences. */
export function BugLabTab() {
  const secret = useApp((s) => s.bugSecret);
  const bug = useApp((s) => (s.bugSecret ? null : s.bug));
  const mode = useApp((s) => s.mode);
  const derived = useApp((s) => s.derived);
  const view = secret ? null : derived.bugView;
  const id = useId();

  const sites = useMemo(
    () =>
      view && (view.bug.kind === 'drop' || view.bug.kind === 'wrong-rule')
        ? bugSites(view.correct, view.bug.kind)
        : [],
    [view],
  );
  // Lazy like the gradient check panel: thousands of variables are checked between frames.
  const checks = useBugMismatches(view, {
    point: derived.point,
    method: derived.method,
    h: derived.h,
  });

  const choose = (value: string) => {
    appStore.getState().setBug(isBugKind(value) ? { kind: value } : null);
  };
  const chooseSite = (kind: BugKind, value: string) => {
    const site = Number(value);
    appStore.getState().setBug(Number.isInteger(site) ? { kind, site } : { kind });
  };

  const info = bug ? BUGS.find((b) => b.kind === bug.kind) : undefined;
  const graph = view?.correct.graph;
  const shownSite = view?.pass.bug.site;

  return (
    <section className="buglab" aria-labelledby={`${id}-title`}>
      <div className="buglab-plant">
        <h3 id={`${id}-title`}>Bug lab</h3>
        <p className="buglab-intro">
          Run the reverse pass with one classic mistake and see what every panel makes of it.
        </p>
        <FollowedOutputLine />
        {secret ? (
          <p className="buglab-note">
            A Find-the-bug challenge is running: finish or end it to plant your own bug.
          </p>
        ) : (
          <label className="buglab-field">
            <span>Bug to plant</span>
            <select value={bug?.kind ?? NO_BUG} onChange={(e) => choose(e.target.value)}>
              <option value={NO_BUG}>No bug (the correct pass)</option>
              {BUGS.map((b) => (
                <option key={b.kind} value={b.kind}>
                  {b.title}
                </option>
              ))}
            </select>
          </label>
        )}
        {info && bug && (
          <div className="buglab-about">
            <p>{info.summary}</p>
            <p className="buglab-code">
              <span className="buglab-wrong">
                <span aria-hidden="true">✗ </span>buggy: <code>{info.wrong}</code>
              </span>{' '}
              <span className="buglab-right">
                <span aria-hidden="true">✓ </span>right: <code>{info.right}</code>
              </span>
            </p>
            {mode === 'forward' && (
              <p className="buglab-note">
                These bugs live in the reverse pass; forward mode is unaffected.{' '}
                <button type="button" onClick={() => appStore.getState().setMode('reverse')}>
                  Switch to reverse mode
                </button>
              </p>
            )}
            {graph && (bug.kind === 'drop' || bug.kind === 'wrong-rule') && sites.length > 0 && (
              <label className="buglab-field">
                <span>
                  {bug.kind === 'drop'
                    ? 'Which contribution is dropped'
                    : 'Which operation has the wrong rule'}
                </span>
                <select
                  value={String(shownSite ?? '')}
                  onChange={(e) => chooseSite(bug.kind, e.target.value)}
                >
                  {sites.map((site) => (
                    <option key={site} value={site}>
                      {siteLabel(graph, bug.kind, site)}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {view && graph && (
              <div className="buglab-result" data-testid="bug-result" aria-live="polite">
                <p>{departureText(graph, view.pass, view.correct.steps.length)}</p>
                {view.pass.departure && (
                  <p>
                    <button
                      type="button"
                      onClick={() => appStore.getState().seek(view.pass.departure!.step)}
                    >
                      Go to step {view.pass.departure.step}
                    </button>
                  </p>
                )}
                {checks && <p data-testid="bug-check">{mismatchSentence(checks)}</p>}
              </div>
            )}
          </div>
        )}
      </div>
      <FindTheBug />
    </section>
  );
}

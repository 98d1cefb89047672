import { useEffect, useId } from 'react';
import { sourceStepAt } from '../../ad-core/index.ts';
import { appStore, useApp } from '../store/appStore.ts';
import { stepGroupsOf, visibleCounter } from '../store/blocks.ts';
import type { SeedChoice } from '../store/store.ts';
import { EndIcon, PauseIcon, PlayIcon, ResetIcon, StepBackIcon, StepForwardIcon } from './icons.tsx';
import { keyCommand } from './keys.ts';
import { phaseLabel } from './phase.ts';
import { SPEEDS, stepIntervalMs } from './stepping.ts';

/** Drives play: one interval while playing, each tick a store action. */
function usePlayTimer(): void {
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  useEffect(() => {
    if (!playing) return;
    const id = window.setInterval(() => appStore.getState().tick(), stepIntervalMs(speed));
    return () => window.clearInterval(id);
  }, [playing, speed]);
}

/** Space, ←/→, Home/End (and Escape to close node details) anywhere on the page except where the focused control needs the key. */
function usePlayerKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target instanceof Element ? e.target : null;
      const command = keyCommand({
        key: e.key,
        defaultPrevented: e.defaultPrevented,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        altKey: e.altKey,
        target: t
          ? {
              tagName: t.tagName,
              type: t instanceof HTMLInputElement ? t.type : undefined,
              isContentEditable: t instanceof HTMLElement && t.isContentEditable,
              role: t.getAttribute('role'),
            }
          : null,
      });
      if (!command) return;
      const s = appStore.getState();
      if (command !== 'deselect' || s.selected !== null) e.preventDefault();
      if (command === 'toggle-play') s.togglePlay();
      else if (command === 'step-forward') s.stepForward();
      else if (command === 'step-back') s.stepBack();
      else if (command === 'reset') s.reset();
      else if (command === 'go-to-end') s.goToEnd();
      else if (s.selected !== null) s.selectNode(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function ModeControls() {
  const mode = useApp((s) => s.mode);
  const setMode = useApp((s) => s.setMode);
  const seed = useApp((s) => s.seed);
  const setSeed = useApp((s) => s.setSeed);
  const graph = useApp((s) => s.derived.graph);
  const seedVector = useApp((s) => s.derived.seedVector);
  const seedId = useId();
  const variables = graph?.variables ?? [];
  const chosen =
    seed.kind === 'custom' ? 'custom' : `var:${variables.includes(seed.name) ? seed.name : (variables[0] ?? '')}`;

  const onSeed = (value: string) => {
    const next: SeedChoice =
      value === 'custom' ? { kind: 'custom', vector: { ...seedVector } } : { kind: 'variable', name: value.slice(4) };
    setSeed(next);
  };

  return (
    <div className="mode-controls">
      <fieldset className="segmented">
        <legend>Mode</legend>
        {(['reverse', 'forward'] as const).map((m) => (
          <label key={m} className={mode === m ? 'on' : ''}>
            <input type="radio" name="ad-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'reverse' ? 'Reverse' : 'Forward'}
          </label>
        ))}
      </fieldset>
      {mode === 'forward' && (
        <div className="seed-picker">
          <label htmlFor={seedId} title="Forward mode follows one direction: the seed is each input's starting tangent">
            Seed
          </label>
          <select id={seedId} value={chosen} onChange={(e) => onSeed(e.target.value)}>
            {variables.map((v) => (
              <option key={v} value={`var:${v}`}>
                {v}
              </option>
            ))}
            <option value="custom">custom…</option>
          </select>
          {seed.kind === 'custom' &&
            variables.map((v) => (
              <label key={v} className="seed-component">
                <span aria-hidden="true">{v}:</span>
                <input
                  type="number"
                  step="any"
                  aria-label={`Seed component ${v}`}
                  value={String(seed.vector[v] ?? 0)}
                  onChange={(e) => {
                    const value = e.target.valueAsNumber;
                    if (Number.isFinite(value)) setSeed({ kind: 'custom', vector: { ...seed.vector, [v]: value } });
                  }}
                />
              </label>
            ))}
        </div>
      )}
    </div>
  );
}

export function PlayerBar() {
  usePlayTimer();
  usePlayerKeys();
  const step = useApp((s) => s.step);
  const total = useApp((s) => s.derived.trace?.steps.length ?? 0);
  // Counter and timeline count what the player shows: a collapsed block is one step.
  const groups = useApp(stepGroupsOf);
  const shown = visibleCounter(groups, step, total);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const frame = useApp((s) => s.frame);
  const mode = useApp((s) => s.mode);
  // Quiz mode: the next step is revealed by answering it, not by the player.
  const stepLimit = useApp((s) => s.stepLimit);
  const locked = stepLimit !== null && step >= stepLimit && step < total;
  const { togglePlay, stepForward, stepBack, reset, goToEnd, seek, setSpeed } = appStore.getState();
  const speedId = useId();
  const timelineId = useId();

  return (
    <section className="player" aria-label="Player">
      <ModeControls />
      <div className="transport">
        <button type="button" className="icon-button" aria-label="Reset" title="Reset (Home)" onClick={reset}>
          <ResetIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Step back" title="Step back (←)" onClick={stepBack}>
          <StepBackIcon />
        </button>
        <button
          type="button"
          className="play-button"
          aria-label={playing ? 'Pause' : 'Play'}
          title={playing ? 'Pause (Space)' : 'Play (Space)'}
          onClick={togglePlay}
          disabled={total === 0 || (locked && !playing)}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span aria-hidden="true">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label="Step forward"
          title="Step forward (→)"
          onClick={stepForward}
          disabled={locked}
         
        >
          <StepForwardIcon />
        </button>
        <button type="button" className="icon-button" aria-label="Go to end" title="Go to end (End)" onClick={goToEnd} disabled={locked}>
          <EndIcon />
        </button>
      </div>
      <div className="speed">
        <label htmlFor={speedId}>Speed</label>
        <select id={speedId} value={String(speed)} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((v) => (
            <option key={v} value={String(v)}>
              {v}×
            </option>
          ))}
        </select>
      </div>
      <div className="timeline">
        <label htmlFor={timelineId} className="visually-hidden">
          Timeline
        </label>
        <input
          id={timelineId}
          type="range"
          min={0}
          max={shown.n}
          step={1}
          value={shown.k}
          aria-valuetext={`step ${shown.k} of ${shown.n}`}
          onChange={(e) => {
            const k = Number(e.target.value);
            seek(groups ? sourceStepAt(groups, k) : k);
          }}
        />
      </div>
      <div className="counter">
        <span data-testid="step-counter" className="num">
          {shown.k} / {shown.n}
        </span>
        <span className="phase">{locked ? 'Quiz: answer to go on' : phaseLabel(frame, mode)}</span>
      </div>
    </section>
  );
}

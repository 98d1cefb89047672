import { useApp, appStore } from '../store/appStore.ts';
import { operationText } from '../teach/trace-rows.ts';
import { challengeStore, useChallenge } from './challengeInstance.ts';

/** The `Find the bug` challenge: a hidden bug, the learner's suspect, the verdict and the score. */
export function FindTheBug() {
  const on = useChallenge((s) => s.on);
  const seed = useChallenge((s) => s.seed);
  const verdict = useChallenge((s) => s.verdict);
  const score = useChallenge((s) => s.score);
  const problem = useChallenge((s) => s.problem);
  const hidden = useChallenge((s) => s.bug !== null);
  const graph = useApp((s) => s.derived.graph);
  const selected = useApp((s) => s.selected);
  const suspect = graph && selected !== null ? graph.nodes[selected] : undefined;
  const suspectText =
    graph && suspect && suspect.kind !== 'constant' ? operationText(graph, suspect) : null;

  const start = () => {
    appStore.getState().setMode('reverse');
    appStore.getState().selectNode(null);
    challengeStore.getState().start();
  };
  const next = () => {
    appStore.getState().selectNode(null);
    challengeStore.getState().next();
  };

  return (
    <div className="buglab-challenge" aria-label="Find the bug" role="group">
      <h3>Find the bug</h3>
      <p
        className="bug-score num"
        data-testid="bug-score"
        data-correct={score.correct}
        data-answered={score.answered}
      >
        Score: {score.correct} / {score.answered} found
      </p>
      {!on && (
        <>
          <p>A bug hides in one node’s backward step: step, read the check, click the suspect.</p>
          <button type="button" onClick={start}>
            Find the bug
          </button>
        </>
      )}
      {on && problem && <p className="buglab-note">{problem}</p>}
      {on && hidden && !verdict && (
        <>
          <p>
            Round {seed}: one node’s backward step is wrong. Which one? Click it in the graph (or
            focus it and press Enter).
          </p>
          <p data-testid="bug-suspect">
            Your suspect:{' '}
            {suspectText ?? <span className="buglab-muted">none yet — click a node</span>}
          </p>
          <button
            type="button"
            disabled={selected === null || !suspectText}
            onClick={() => selected !== null && challengeStore.getState().guess(selected)}
          >
            This node has the bug
          </button>
        </>
      )}
      {verdict && (
        <p
          role="status"
          data-testid="bug-verdict"
          data-right={String(verdict.right)}
          className={verdict.right ? 'buglab-right-answer' : 'buglab-wrong-answer'}
        >
          <span aria-hidden="true">{verdict.right ? '✓ ' : '✗ '}</span>
          {verdict.message}
        </p>
      )}
      {on && (
        <p className="buglab-actions">
          {(verdict || problem) && (
            <button type="button" onClick={next}>
              Next bug
            </button>
          )}{' '}
          <button type="button" onClick={() => challengeStore.getState().stop()}>
            End challenge
          </button>
        </p>
      )}
    </div>
  );
}

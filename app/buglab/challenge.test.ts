import { describe, expect, it } from 'vitest';
import { buildTrace, bugNode, bugSites, buggyPass } from '../../ad-core/index.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { createAppStore } from '../store/store.ts';
import { hashOf } from '../url/urlSync.ts';
import { gradeGuess, pickHiddenBug, seededRandom } from './challenge.ts';
import { createChallengeStore } from './challengeStore.ts';

const baydin = referenceCases.cases.find((c) => c.name === 'baydin-2018')!;
const correct = () => buildTrace(graphOf(baydin.formula), baydin.at, 'reverse');

describe('hidden bugs', () => {
  it('the same seed hides the same bug; a bug is always where it shows', () => {
    const trace = correct();
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const bug = pickHiddenBug(trace, seed)!;
      expect(pickHiddenBug(trace, seed)).toEqual(bug);
      expect(bugSites(trace, bug.kind)).toContain(bug.site);
      seen.add(`${bug.kind}:${bug.site}`);
    }
    // Forty seeds on a five-operation formula reach many different bugs.
    expect(seen.size).toBeGreaterThan(6);
  });

  it('no bug can hide where no backward step changes the gradient', () => {
    expect(pickHiddenBug(buildTrace(graphOf('x'), { x: 1 }, 'reverse'), 1)).toBeNull();
  });

  it('the generator is uniform enough to pick every option', () => {
    const r = seededRandom(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) counts[Math.floor(r() * 4)]! += 1;
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});

describe('grading a suspect', () => {
  it('right: names the rule, the node and both contributions', () => {
    const trace = correct();
    const site = trace.graph.nodes.find((n) => n.op === 'sin')!.id;
    const pass = buggyPass(trace, { kind: 'wrong-rule', site });
    const v = gradeGuess(trace, pass, site);
    expect(v.right).toBe(true);
    expect(v.message).toContain('Wrong local derivative');
    expect(v.message).toContain('= sin(v₀)');
    expect(v.message).toContain('∂sin(a)/∂a = −cos(a)');
    expect(v.message).toContain('∂sin(a)/∂a = cos(a)');
  });

  it('wrong: says where the bug really is', () => {
    const trace = correct();
    const pass = buggyPass(trace, { kind: 'assign', site: bugSites(trace, 'assign')[0]! });
    const answer = bugNode(trace.graph, pass.bug)!;
    const v = gradeGuess(trace, pass, trace.graph.output === answer ? 0 : trace.graph.output);
    expect(v.right).toBe(false);
    expect(v.answer).toBe(answer);
    expect(v.message).toContain('Assign instead of accumulate');
    expect(v.message).toContain('threw away');
  });
});

describe('the challenge store', () => {
  it('hides a bug, grades the guess, keeps score and reveals the bug', () => {
    const app = createAppStore();
    app.getState().restore({ formula: baydin.formula, point: baydin.at, mode: 'reverse' });
    const challenge = createChallengeStore(app, 3);
    challenge.getState().start();
    const { bug } = challenge.getState();
    expect(bug).not.toBeNull();
    expect(app.getState().bugSecret).toBe(true);
    expect(app.getState().derived.bugView?.pass.departure).not.toBeNull();
    expect(hashOf(app.getState())).not.toContain('bug=');
    const answer = bugNode(app.getState().derived.graph!, bug!)!;
    challenge.getState().guess(answer);
    expect(challenge.getState().verdict?.right).toBe(true);
    expect(challenge.getState().score).toEqual({ correct: 1, answered: 1 });
    expect(app.getState().bugSecret).toBe(false);
    // A second guess on an answered round counts for nothing.
    challenge.getState().guess(answer);
    expect(challenge.getState().score).toEqual({ correct: 1, answered: 1 });

    challenge.getState().next();
    expect(challenge.getState().seed).toBe(4);
    const wrongNode =
      bugNode(app.getState().derived.graph!, challenge.getState().bug!) === 0 ? 1 : 0;
    challenge.getState().guess(wrongNode);
    expect(challenge.getState().score).toEqual({ correct: 1, answered: 2 });

    challenge.getState().stop();
    expect(app.getState().bug).not.toBeNull(); // the revealed bug stays in the lab
    challenge.getState().start();
    challenge.getState().stop();
    expect(app.getState().bug).toBeNull();
  });

  it('a new formula starts the round over on it', () => {
    const app = createAppStore();
    app.getState().restore({ formula: baydin.formula, point: baydin.at, mode: 'reverse' });
    const challenge = createChallengeStore(app, 1);
    challenge.getState().start();
    const first = challenge.getState().trace;
    app.getState().setSource('(a+b)*(b+1)');
    expect(challenge.getState().trace).not.toBe(first);
    expect(challenge.getState().trace?.graph).toBe(app.getState().derived.graph);
    expect(app.getState().bugSecret).toBe(true);
  });
});

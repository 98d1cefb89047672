// Before KaTeX has loaded (and always on the server) the plain lines are what is shown.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { explainStep } from '../../ad-core/index.ts';
import { appStore } from '../store/appStore.ts';
import { StepExplanation } from './StepExplanation.tsx';

describe('StepExplanation', () => {
  it('shows every plain line of the current step, visible, until typeset maths is ready', () => {
    // Server rendering reads the store's initial state: the default example, finished.
    const s = appStore.getInitialState();
    const html = renderToStaticMarkup(<StepExplanation />);
    const expected = explainStep(s.derived.trace!, s.step);
    expect(expected.lines.length).toBeGreaterThan(0);
    for (const line of expected.lines) expect(html).toContain(line);
    expect(html).not.toContain('visually-hidden');
    expect(html).toContain(`Step ${s.step} of ${s.derived.trace!.steps.length}`);
  });
});

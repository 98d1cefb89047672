// What a person sees on a 1280×720 projector, measured on the rendered boxes: every piece of
// graph text (node symbols, value and adjoint lines, tags, edge partials, contribution amounts)
// drawn at 14 px or more, no two overlapping, none outside the visible graph or under the view's
// own buttons and notes. For every example at every step, in light and dark, with the teaching
// drawer closed and open, and for every lesson page.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import type { PlaygroundPage } from './pages/playground-page.ts';
import { LessonPanel } from './pages/teaching.ts';

/**
 * The examples whose graphs do not fit a 1280×720 graph area whole at 14 px even with every block
 * collapsed (networks with a dozen parameters): for these the view shows part of the graph at full
 * size and follows the current step, and this walkthrough checks that — text at 14 px or more, no
 * two labels overlapping, the current step's node in view — instead of "all of it in view".
 * Issue 8 stays open until they fit too.
 */
const SHOWN_IN_PART = new Set([
  'Tiny network: 2-2-1 with a loss',
  'Logistic regression',
  'XOR with a 2-2-1 network',
  'Curve fit with a small MLP',
]);

/** Problems with the graph's text as rendered now; empty when it is readable. */
function graphTextProblems(page: Page, whole = true): Promise<string[]> {
  return page.evaluate((whole) => {
    const problems: string[] = [];
    const gv = document.querySelector('.gv');
    if (!gv) return ['no graph view'];
    const view = gv.getBoundingClientRect();
    // Whatever the view draws over the graph hides what is under it.
    const covers = [...gv.querySelectorAll('.gv-controls, .gv-hint, .gv-note')]
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    const boxes: { text: string; r: DOMRect }[] = [];
    const TOL = 1;
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > TOL &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > TOL;
    for (const t of gv.querySelectorAll<SVGTextElement>('svg text')) {
      const style = getComputedStyle(t);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let hidden = false;
      for (let el: Element | null = t; el && el !== gv; el = el.parentElement) {
        const s = getComputedStyle(el);
        if (Number(s.opacity) === 0 || el.getAttribute('opacity') === '0') hidden = true;
      }
      const text = (t.textContent ?? '').trim();
      if (hidden || text === '') continue;
      const r = t.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const bb = t.getBBox();
      const scale = bb.height > 0 ? r.height / bb.height : 1;
      let font = parseFloat(style.fontSize);
      for (const s of t.querySelectorAll('tspan')) {
        font = Math.min(font, parseFloat(getComputedStyle(s).fontSize));
      }
      const px = font * scale;
      const name = JSON.stringify(text.slice(0, 30));
      if (px < 13.95) problems.push(`${name} drawn at ${px.toFixed(1)} px`);
      if (!whole) {
        // Shown in part: only what is in view must be clear of the view's buttons and notes.
        const inView =
          r.right > view.left && r.left < view.right && r.bottom > view.top && r.top < view.bottom;
        if (inView && covers.some((c) => overlap(c, r))) {
          problems.push(`${name} under the view's buttons or notes`);
        }
      } else if (
        r.left < view.left - TOL ||
        r.top < view.top - TOL ||
        r.right > view.right + TOL ||
        r.bottom > view.bottom + TOL
      ) {
        problems.push(`${name} outside the visible graph`);
      } else if (covers.some((c) => overlap(c, r))) {
        problems.push(`${name} under the view's buttons or notes`);
      }
      boxes.push({ text: name, r });
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (overlap(boxes[i]!.r, boxes[j]!.r)) {
          problems.push(`${boxes[i]!.text} overlaps ${boxes[j]!.text}`);
        }
      }
    }
    if (boxes.length === 0) problems.push('no graph text on screen');
    if (!whole) {
      // The view follows the step: the current node is on screen.
      for (const el of gv.querySelectorAll('.gv-node--current')) {
        const r = el.getBoundingClientRect();
        if (
          r.left < view.left - TOL ||
          r.right > view.right + TOL ||
          r.top < view.top - TOL ||
          r.bottom > view.bottom + TOL
        ) {
          problems.push('the current step is not in view');
        }
      }
    }
    return problems;
  }, whole);
}

/** Walks every step from 0 to the end, collecting the problems found at each. */
async function problemsAtEveryStep(playground: PlaygroundPage, where: string): Promise<string[]> {
  const found: string[] = [];
  const { page } = playground;
  await playground.button('Reset').click();
  await playground.expectStep(0);
  const { n } = await playground.stepCounter();
  for (let k = 0; k <= n; k++) {
    if (k > 0) {
      await playground.button('Step forward').click();
      await playground.expectStep(k);
    }
    for (const p of await graphTextProblems(page, !SHOWN_IN_PART.has(where))) {
      found.push(`${where}, step ${k}: ${p}`);
    }
  }
  return found;
}

test.use({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
// Every example at every step, three times over: this walkthrough is long on purpose.
test.setTimeout(240_000);

for (const scheme of ['light', 'dark'] as const) {
  test(`every example at every step is readable at 1280×720 (${scheme}, drawer closed)`, async ({
    playground,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await playground.gotoHash('');
    const problems: string[] = [];
    for (const name of await playground.exampleNames()) {
      await playground.chooseExample(name);
      await playground.expectNoDiagnostic();
      problems.push(...(await problemsAtEveryStep(playground, name)));
    }
    expect(problems).toEqual([]);
  });
}

test('every example at every step is readable at 1280×720 with the teaching drawer open', async ({
  playground,
}) => {
  await playground.gotoHash('');
  await playground.openDrawerTab('Trace table');
  const problems: string[] = [];
  for (const name of await playground.exampleNames()) {
    await playground.chooseExample(name);
    await playground.expectNoDiagnostic();
    problems.push(...(await problemsAtEveryStep(playground, name)));
  }
  expect(problems).toEqual([]);
});

test('every lesson page is readable at 1280×720', async ({ playground, page }) => {
  const lesson = new LessonPanel(page);
  await playground.gotoHash('');
  const problems: string[] = [];
  for (const id of await lesson.menuIds()) {
    await lesson.menu().selectOption(id);
    for (;;) {
      const { page: p, pages } = await lesson.pageNumbers();
      // The page sets its own step; give the view a moment to follow it.
      await expect(playground.stepCounterLocator()).toBeVisible();
      await page.waitForTimeout(100);
      for (const x of await graphTextProblems(page)) problems.push(`${id} page ${p}: ${x}`);
      if (p >= pages) break;
      await lesson.next().click();
      await expect(lesson.pageCounter()).toHaveText(new RegExp(`^\\s*${p + 1}\\s*/`));
    }
  }
  expect(problems).toEqual([]);
});

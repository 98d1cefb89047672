// (d) A keyboard-only walkthrough: no mouse at all, focus always visible.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { compileOrThrow, traceOf } from './oracle.ts';

interface FocusInfo {
  tag: string;
  name: string;
  focusVisible: boolean;
  /** The focused element's box, padded so a ring drawn just outside it is inside the clip. */
  clip: { x: number; y: number; width: number; height: number } | null;
}

/** What has focus: its tag, an accessible-ish name, :focus-visible, and where it is. */
function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const labelledBy = el.getAttribute('aria-labelledby');
    const labelText = labelledBy
      ? labelledBy
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = (el as HTMLInputElement).labels;
    const name = (
      el.getAttribute('aria-label') ??
      (labelText ||
        (labels && labels.length > 0 ? (labels[0]!.textContent ?? '') : '') ||
        (el.textContent ?? ''))
    ).trim();
    const r = el.getBoundingClientRect();
    const pad = 16;
    const x = Math.max(0, r.left - pad);
    const y = Math.max(0, r.top - pad);
    const width = Math.min(window.innerWidth, r.right + pad) - x;
    const height = Math.min(window.innerHeight, r.bottom + pad) - y;
    return {
      tag: el.tagName.toLowerCase(),
      name,
      focusVisible: el.matches(':focus-visible'),
      clip: width > 0 && height > 0 ? { x, y, width, height } : null,
    };
  });
}

/**
 * Focus is visible when the pixels around the focused element change as it loses focus — whatever
 * draws the ring (outline, box-shadow, an SVG halo). Focus is put back afterwards.
 */
async function focusShows(page: Page, f: FocusInfo): Promise<boolean> {
  if (!f.clip) return false;
  const shot = () => page.screenshot({ clip: f.clip!, animations: 'disabled', caret: 'hide' });
  const withFocus = await shot();
  const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  await handle.evaluate((el) => el.blur());
  const without = await shot();
  await handle.evaluate((el) => el.focus());
  await handle.dispose();
  return !withFocus.equals(without);
}

/** Presses Tab until `predicate` holds for the focused element, checking each stop shows focus. */
async function tabUntil(
  page: Page,
  what: string,
  predicate: (f: FocusInfo) => boolean,
  maxTabs = 60,
): Promise<FocusInfo> {
  const visited: string[] = [];
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    visited.push(`${f.tag}[${f.name}]`);
    expect(f.focusVisible, `${f.tag} "${f.name}" matches :focus-visible after Tab`).toBe(true);
    expect(await focusShows(page, f), `focus is visible on ${f.tag} "${f.name}"`).toBe(true);
    if (predicate(f)) return f;
  }
  throw new Error(`Tab never reached ${what}; visited: ${visited.join(', ')}`);
}

test('keyboard only: Tab to the formula, type, Tab to the player, Space/←/→/Home/End', async ({
  playground,
  page,
}) => {
  await playground.gotoHash('');
  await page.locator('body').focus();

  await tabUntil(page, 'the Formula textbox', (f) => f.name === 'Formula' || f.tag === 'textarea');
  await expect(playground.formula()).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  const formula = 'x*x + x';
  await page.keyboard.type(formula);
  await expect(playground.formula()).toHaveValue(formula);

  const graph = compileOrThrow(formula);
  await playground.waitForNodeCount(graph.nodes.length);
  const x = Number(await playground.variable('x').inputValue());
  const n = traceOf(graph, { x }, 'reverse').steps.length;

  // On to the player; Tab must leave the textbox (it is not a tab trap).
  await tabUntil(page, 'the Play button', (f) => /^(Play|Pause)$/.test(f.name));
  await expect(playground.button('Play')).toBeFocused();

  await page.keyboard.press('Home');
  await playground.expectStep(0, n);
  await page.keyboard.press('ArrowRight');
  await playground.expectStep(1, n);
  await page.keyboard.press('ArrowRight');
  await playground.expectStep(2, n);
  await page.keyboard.press('ArrowLeft');
  await playground.expectStep(1, n);
  await page.keyboard.press('End');
  await playground.expectStep(n, n);
  await page.keyboard.press('Home');
  await playground.expectStep(0, n);

  // Space plays; the button becomes Pause and the counter moves on its own; Space again pauses.
  await page.keyboard.press('Space');
  await expect(playground.button('Pause')).toBeVisible();
  await expect
    .poll(async () => (await playground.stepCounter()).k, { timeout: 15_000 })
    .toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(playground.button('Play')).toBeVisible();
  const paused = await playground.stepCounter();
  await page.waitForTimeout(2_000);
  expect(await playground.stepCounter(), 'paused: the counter stays put').toEqual(paused);

  // The step controls are reachable and work with Enter too.
  await page.keyboard.press('Home');
  await playground.expectStep(0, n);
  await tabUntil(page, 'the Step forward button', (f) => f.name === 'Step forward');
  await page.keyboard.press('Enter');
  await playground.expectStep(1, n);
});

test('arrow keys and Space inside the formula move the caret and type, they do not drive the player', async ({
  playground,
  page,
}) => {
  await playground.goto('x*y', { x: 1, y: 2 }, 'reverse', 2);
  await playground.expectStep(2);
  await playground.formula().focus();
  for (const key of ['Home', 'ArrowRight', 'End', 'ArrowLeft']) await page.keyboard.press(key);
  await playground.expectStep(2);
  await page.keyboard.press('Space');
  await expect(playground.formula()).toHaveValue('x* y');
  await expect(
    playground.button('Play'),
    'Space in the textbox does not start playing',
  ).toBeVisible();
});

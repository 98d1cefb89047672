// A long session leaves nothing behind: after many pasted formulas and player clicks, the same
// formula shows with about the same number of DOM nodes alive as before (counted after a forced
// garbage collection, through the Chrome DevTools Protocol). The browser's own undo history of
// the textarea used to keep every replaced text alive (~26 nodes a paste; the app keeps undo
// itself). Counts only, never times.
import { randomFormula } from '../ad-core/bench/random-formula.ts';
import { test, expect } from './fixtures.ts';

const EDITS = 40;
/** Nodes a session may leave: far under what EDITS pastes kept before (~26 each). */
const ALLOWED_GROWTH = 150;

test.setTimeout(240_000);

test('40 pasted formulas and player clicks leave the DOM node count flat', async ({
  playground,
  page,
}) => {
  const cdp = await page.context().newCDPSession(page);
  const domNodes = async () => {
    // Blur-time cleanup runs in the next task; let it, then collect garbage twice.
    await page.waitForTimeout(300);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Memory.getDOMCounters')).nodes;
  };
  const step = page.getByRole('button', { name: 'Step forward', exact: true });
  const first = randomFormula(40, 1000).source;
  await playground.goto('x*y*z', { x: 1, y: 1, z: 1 });
  await playground.formula().fill(first);
  await step.click();
  const start = await domNodes();

  for (let k = 0; k < EDITS; k++) {
    await playground.formula().fill(randomFormula(20 + ((k * 37) % 100), 1001 + k).source);
    if (k % 10 === 9) await step.click();
  }
  await playground.formula().fill(first);
  await step.click();
  const end = await domNodes();

  expect(end - start, `DOM nodes ${start} → ${end}`).toBeLessThanOrEqual(ALLOWED_GROWTH);
  // And the editor still works as an editor: the browser's Ctrl+Z is the app's undo.
  await playground.formula().fill('x*y');
  await expect(playground.formula()).toHaveValue('x*y');
});

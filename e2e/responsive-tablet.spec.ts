// A tablet with a long variable list (a 2-2-1 network's twelve weights and biases): the list
// beside the formula is as tall as the formula's column and scrolls, instead of stretching that
// column with gaps of ~120 px between the typeset formula, the editor and the output and pushing
// the graph below the fold.
import { test, expect } from './fixtures.ts';

interface Column {
  /** Vertical gaps between the typeset formula, the editor and the output, px. */
  gaps: number[];
  /** Top of the graph box, px from the top of the page. */
  graphTop: number;
  /** The variable list scrolls to its last variable. */
  listScrolls: boolean;
}

for (const size of [
  // Portrait: half the graph box on the first screen; landscape (768 px tall, the formula's four
  // lines and the editor above it): the graph box starts on it, a good band of it showing.
  { width: 768, height: 1024, graphShown: (h: number) => h / 2 },
  { width: 1024, height: 768, graphShown: () => 150 },
]) {
  test(`tablet ${size.width}×${size.height}: twelve variables do not stretch the formula column or push the graph off screen`, async ({
    page,
    playground,
  }) => {
    await page.setViewportSize(size);
    await page.goto('/');
    await playground.waitForReady();
    await playground.chooseExample('Tiny network: 2-2-1 with a loss');
    await expect(playground.variable('t')).toBeAttached();
    await expect(page.getByTestId('formula-tex').locator('.katex').first()).toBeVisible();
    const column = await page.evaluate((): Column => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      // What each part draws (a stretched grid cell would hide the gap in its own box).
      const content = (sel: string) => {
        const range = document.createRange();
        range.selectNodeContents(document.querySelector(sel)!);
        return range.getBoundingClientRect();
      };
      const parts = [
        '.editor-col > .typeset-formula',
        '.editor-col > .formula-editor',
        '.editor-col > .output',
      ].map(content);
      const gaps = parts.slice(1).map((r, i) => Math.round(r.top - parts[i]!.bottom));
      const list = document.querySelector('.editor-col > .variables')!;
      return {
        gaps,
        graphTop: box('.graph-col').top + window.scrollY,
        listScrolls:
          list.scrollHeight > list.clientHeight && getComputedStyle(list).overflowY === 'auto',
      };
    });
    for (const gap of column.gaps)
      expect(gap, 'formula, editor and output stay together').toBeLessThanOrEqual(24);
    expect(column.listScrolls, 'the long list scrolls in its own box').toBe(true);
    const graphHeight = (await page.locator('.graph-col').boundingBox())!.height;
    // Above the player's band (60 px).
    expect(column.graphTop + size.graphShown(graphHeight)).toBeLessThanOrEqual(size.height - 60);
    // Every variable is still reachable: the last one scrolls into view and takes a value.
    await playground.setVariable('t', 2);
    await expect(playground.variable('t')).toBeInViewport();
  });
}

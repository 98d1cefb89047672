// Graph text over edges: an edge passing under a node's value line, a binding's tag or an edge's
// partial must not show through it (in a 2-2-1 network a line crossed `h̄₁ = 4.424` between its
// words and turned `w̄1 = 2.361` into `w̄1 ÷ 2.361`). Each such text is painted over a halo of the
// graph's background colour wide enough to close the gap of a space between two of its words,
// in the light and the dark theme.
import { test, expect } from './fixtures.ts';

interface HaloReport {
  texts: number;
  /** Texts whose halo is missing, of another colour than the background, or too thin. */
  bad: string[];
}

for (const scheme of ['light', 'dark'] as const) {
  test(`graph text has a background halo that closes word gaps (${scheme})`, async ({
    page,
    playground,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await playground.waitForReady();
    await playground.chooseExample('Tiny network: 2-2-1 with a loss');
    await expect(page.locator('.gv-line').first()).toBeVisible();
    const report = await page
      .locator('.gv')
      .first()
      .evaluate((gv): HaloReport => {
        const background = getComputedStyle(gv).backgroundColor;
        const bad: string[] = [];
        // Text drawn straight over the drawing (a pill's text has its own filled box instead).
        const texts = [
          ...gv.querySelectorAll<SVGTextElement>('.gv-line, .gv-tag, .gv-edge-label'),
        ].filter((t) => !t.closest('.gv-edge-tag, .gv-detail'));
        for (const t of texts) {
          const style = getComputedStyle(t);
          const width = parseFloat(style.strokeWidth);
          const content = t.textContent ?? '';
          let widestGap = 0;
          for (let i = 0; i < t.getNumberOfChars(); i++) {
            if (content[i] === ' ') widestGap = Math.max(widestGap, t.getExtentOfChar(i).width);
          }
          const problems = [
            style.paintOrder.startsWith('stroke') ? '' : `paint-order ${style.paintOrder}`,
            style.stroke === background ? '' : `stroke ${style.stroke} on ${background}`,
            style.strokeLinejoin === 'round' ? '' : `linejoin ${style.strokeLinejoin}`,
            // Half the stroke lies on each side of a glyph's outline: together they span the gap.
            width >= widestGap ? '' : `halo ${width}px under a ${widestGap.toFixed(1)}px space`,
          ].filter(Boolean);
          if (problems.length) bad.push(`"${content}": ${problems.join(', ')}`);
        }
        return { texts: texts.length, bad };
      });
    expect(report.texts).toBeGreaterThan(20);
    expect(report.bad).toEqual([]);
  });
}

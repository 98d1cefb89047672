import { expect, type Locator, type Page } from '@playwright/test';
import { viewGraph, type Graph } from '../../ad-core/index.ts';

// Collapsible blocks (issue 8): a binding's node carries `data-block` and `data-collapsed`.

export class BlocksPage {
  constructor(readonly page: Page) {}

  /** The graph node of binding `name`: the block when collapsed, the binding's node when not. */
  block(name: string): Locator {
    return this.page.locator(`[data-testid="graph-node"][data-block="${name}"]`);
  }

  async expectCollapsed(name: string, collapsed: boolean): Promise<void> {
    await expect(this.block(name)).toHaveAttribute('data-collapsed', String(collapsed));
  }

  /** Clicks the binding's tag (`h1 =`) over its expanded node. */
  async clickTag(name: string): Promise<void> {
    await this.block(name).locator('.gv-tag').click();
  }

  /** The note in the graph area when blocks were collapsed to fit. */
  note(): Locator {
    return this.page.getByTestId('blocks-note');
  }

  collapsedNodes(): Locator {
    return this.page.locator('[data-testid="graph-node"][data-collapsed="true"]');
  }

  /** A collapsed block's row in the trace table. */
  traceBlockRow(name: string): Locator {
    return this.page
      .getByRole('table', { name: 'Trace table', exact: true })
      .locator(`tbody tr[data-block="${name}"]`);
  }
}

/**
 * Waits until the page draws `graph` as it should with the blocks it shows collapsed: every node,
 * less those hidden inside a collapsed block (the fit may collapse a large example's bindings).
 */
export async function expectDrawnGraph(page: Page, graph: Graph): Promise<void> {
  const nodes = page.getByTestId('graph-node');
  await expect
    .poll(async () => {
      const collapsed = await page
        .locator('[data-testid="graph-node"][data-collapsed="true"]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-block') ?? ''));
      const expected = viewGraph(graph, collapsed).graph.nodes.length;
      return (await nodes.count()) === expected;
    })
    .toBe(true);
}

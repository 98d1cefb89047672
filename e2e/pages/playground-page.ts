import { expect, type Locator, type Page } from '@playwright/test';

/** Key presses per typing action (see typeFormula). */
const TYPE_CHUNK = 40;

// The page object speaks only the testing contract of DESIGN.md (accessible names, data-testid
// and data-* attributes, the URL hash), so a test that passes here also passes for users' tests.

export type Mode = 'reverse' | 'forward';
export type PointSpec = Record<string, number> | string;

/** One `data-testid="graph-node"` element as the DOM shows it (strings, exactly as written). */
export interface NodeSnapshot {
  id: number;
  op: string;
  value: string;
  adjoint: string;
  /** null when the attribute is absent (reverse mode). */
  tangent: string | null;
}

export interface CheckRowSnapshot {
  variable: string;
  ad: string;
  fd: string;
  status: string;
}

export type DrawerTabName = 'Trace table' | 'Error plot' | 'Function slice' | 'Forward vs reverse';

/** One trace-table row; numbers as `String(number)` writes them, '' while not computed. */
export interface TraceRowSnapshot {
  id: number;
  current: boolean;
  value: string;
  derivative: string;
}

export interface StepCounter {
  k: number;
  n: number;
}

/** `{x: 1, y: 2}` → `x=1,y=2`, the point format inside the `at` key. */
export function pointText(point: PointSpec): string {
  if (typeof point === 'string') return point;
  return Object.entries(point)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join(',');
}

/** The hash exactly as DESIGN.md spells it, without the leading `#`. */
export function playgroundHash(
  formula: string,
  point: PointSpec,
  mode?: Mode,
  step?: number,
): string {
  let hash = `f=${encodeURIComponent(formula)}&at=${encodeURIComponent(pointText(point))}`;
  if (mode !== undefined) hash += `&mode=${mode}`;
  if (step !== undefined) hash += `&step=${step}`;
  return hash;
}

export function parseStepCounter(text: string): StepCounter {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw new Error(`step counter does not read "k / n": ${JSON.stringify(text)}`);
  return { k: Number(m[1]), n: Number(m[2]) };
}

export class PlaygroundPage {
  constructor(readonly page: Page) {}

  // ---- navigation ---------------------------------------------------------------------------

  async goto(formula: string, point: PointSpec, mode?: Mode, step?: number): Promise<void> {
    await this.gotoHash(playgroundHash(formula, point, mode, step));
  }

  /** Opens the app fresh with a raw hash (no `#`), as a pasted link would. */
  async gotoHash(hash: string): Promise<void> {
    // A hash-only change on an already loaded page is not a fresh open; start from a blank page.
    if (this.page.url() !== 'about:blank') await this.page.goto('about:blank');
    await this.page.goto(hash === '' ? '/' : `/#${hash}`);
    await this.waitForReady();
  }

  async waitForReady(): Promise<void> {
    await expect(this.formula()).toBeVisible();
  }

  /** The current hash, without `#`. */
  async hash(): Promise<string> {
    return this.page.evaluate(() => window.location.hash.replace(/^#/, ''));
  }

  // ---- editor -------------------------------------------------------------------------------

  formula(): Locator {
    return this.page.getByRole('textbox', { name: 'Formula', exact: true });
  }

  /** Replaces the formula by typing it key by key, as a learner would. */
  async typeFormula(text: string): Promise<void> {
    const box = this.formula();
    await box.click();
    await box.press('ControlOrMeta+a');
    await box.press('Delete');
    // Every character is still its own key press; the text goes in as several actions so that a
    // long formula on a loaded machine is not held to one action's time limit (each prefix is
    // compiled, laid out and drawn on the way, which is the point of typing it).
    const chars = Array.from(text);
    for (let i = 0; i < chars.length; i += TYPE_CHUNK) {
      await box.pressSequentially(chars.slice(i, i + TYPE_CHUNK).join(''));
    }
  }

  /** The number input of one variable (its slider shares the name, so ask for the spinbutton). */
  variable(name: string): Locator {
    return this.page.getByRole('spinbutton', { name, exact: true });
  }

  async setVariable(name: string, value: number): Promise<void> {
    const input = this.variable(name);
    await input.fill(String(value));
    await input.press('Tab');
  }

  async variableValues(names: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const name of names) out[name] = Number(await this.variable(name).inputValue());
    return out;
  }

  diagnostic(): Locator {
    return this.page.getByTestId('diagnostic');
  }

  /** No diagnostic on screen (the element may stay mounted, empty or hidden). */
  async expectNoDiagnostic(): Promise<void> {
    await expect(this.diagnostic().filter({ visible: true, hasText: /\S/ })).toHaveCount(0);
  }

  /**
   * The short notice shown when a link could not be opened. Not named by the contract; found as a
   * status or alert (other than the formula's diagnostic) that talks about the link.
   */
  linkNotice(): Locator {
    return this.page
      .getByRole('status')
      .or(this.page.getByRole('alert'))
      .filter({ hasText: /link|url|address/i, visible: true });
  }

  outputValue(): Locator {
    return this.page.getByTestId('output-value');
  }

  // ---- examples menu ------------------------------------------------------------------------

  /** The examples menu: a select labelled Examples (not named by the contract). */
  examplesMenu(): Locator {
    return this.page.getByRole('combobox', { name: /example/i });
  }

  /** Labels of every example in the menu, read from the menu itself (placeholders skipped). */
  async exampleNames(): Promise<string[]> {
    return this.examplesMenu()
      .locator('option:not([disabled])')
      .evaluateAll((els) =>
        els
          .filter((e) => (e as HTMLOptionElement).value !== '')
          .map((e) => (e.textContent ?? '').trim()),
      );
  }

  async chooseExample(label: string): Promise<void> {
    await this.examplesMenu().selectOption({ label });
  }

  // ---- graph --------------------------------------------------------------------------------

  node(id: number): Locator {
    return this.page.locator(`[data-testid="graph-node"][data-node-id="${id}"]`);
  }

  nodeLocator(): Locator {
    return this.page.getByTestId('graph-node');
  }

  /** Every graph node's contract attributes, read in one round trip, sorted by id. */
  async nodes(): Promise<NodeSnapshot[]> {
    const raw = await this.nodeLocator().evaluateAll((els) =>
      els.map((e) => ({
        id: e.getAttribute('data-node-id'),
        op: e.getAttribute('data-op'),
        value: e.getAttribute('data-value'),
        adjoint: e.getAttribute('data-adjoint'),
        tangent: e.getAttribute('data-tangent'),
      })),
    );
    return raw
      .map((r) => {
        if (r.id === null || r.op === null || r.value === null || r.adjoint === null) {
          throw new Error(`graph node misses a contract attribute: ${JSON.stringify(r)}`);
        }
        return {
          id: Number(r.id),
          op: r.op,
          value: r.value,
          adjoint: r.adjoint,
          tangent: r.tangent,
        };
      })
      .sort((a, b) => a.id - b.id);
  }

  /** Waits until the drawn graph has exactly `count` nodes. */
  async waitForNodeCount(count: number): Promise<void> {
    await expect(this.nodeLocator()).toHaveCount(count);
  }

  // ---- player -------------------------------------------------------------------------------

  button(name: 'Play' | 'Pause' | 'Step forward' | 'Step back' | 'Reset' | 'Go to end'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  stepCounterLocator(): Locator {
    return this.page.getByTestId('step-counter');
  }

  async stepCounter(): Promise<StepCounter> {
    return parseStepCounter(await this.stepCounterLocator().innerText());
  }

  /** Waits until the counter reads `k / n` (n checked only when given). */
  async expectStep(k: number, n?: number, timeout?: number): Promise<void> {
    await expect
      .poll(
        async () => {
          const c = parseStepCounter((await this.stepCounterLocator().textContent()) ?? '');
          return n === undefined ? c.k : `${c.k} / ${c.n}`;
        },
        timeout === undefined ? {} : { timeout },
      )
      .toBe(n === undefined ? k : `${k} / ${n}`);
  }

  private async clickAndExpect(
    button: Locator,
    next: (c: StepCounter) => number,
  ): Promise<StepCounter> {
    const before = await this.stepCounter();
    await button.click();
    const k = next(before);
    await this.expectStep(k, before.n);
    return { k, n: before.n };
  }

  stepForward(): Promise<StepCounter> {
    return this.clickAndExpect(this.button('Step forward'), (c) => Math.min(c.k + 1, c.n));
  }

  stepBack(): Promise<StepCounter> {
    return this.clickAndExpect(this.button('Step back'), (c) => Math.max(c.k - 1, 0));
  }

  reset(): Promise<StepCounter> {
    return this.clickAndExpect(this.button('Reset'), () => 0);
  }

  goToEnd(): Promise<StepCounter> {
    return this.clickAndExpect(this.button('Go to end'), (c) => c.n);
  }

  /** The side panel's explanation of the current step (a region named `Current step`). */
  currentStep(): Locator {
    return this.page.getByRole('region', { name: 'Current step', exact: true });
  }

  // ---- gradient check -----------------------------------------------------------------------

  gradientCheck(): Locator {
    return this.page.getByRole('table', { name: 'Gradient check', exact: true });
  }

  async checkRows(): Promise<CheckRowSnapshot[]> {
    const rows = this.gradientCheck().locator('[data-variable][data-status]');
    const raw = await rows.evaluateAll((els) =>
      els.map((e) => ({
        variable: e.getAttribute('data-variable'),
        ad: e.getAttribute('data-ad'),
        fd: e.getAttribute('data-fd'),
        status: e.getAttribute('data-status'),
      })),
    );
    return raw.map((r) => {
      if (r.variable === null || r.ad === null || r.fd === null || r.status === null) {
        throw new Error(`gradient-check row misses a contract attribute: ${JSON.stringify(r)}`);
      }
      return { variable: r.variable, ad: r.ad, fd: r.fd, status: r.status };
    });
  }

  // ---- teaching drawer (issue 4) --------------------------------------------------------------

  drawerTab(name: DrawerTabName): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** Shows one tab of the teaching drawer under the graph (opening the drawer if it is folded). */
  async openDrawerTab(name: DrawerTabName): Promise<void> {
    await this.drawerTab(name).click();
    await expect(this.drawerTab(name)).toHaveAttribute('aria-selected', 'true');
    await expect(this.page.getByRole('tabpanel', { name, exact: true })).toBeVisible();
  }

  traceTable(): Locator {
    return this.page.getByRole('table', { name: 'Trace table', exact: true });
  }

  /** One trace-table row per input and operation, in tape order. */
  traceRows(): Locator {
    return this.traceTable().locator('tbody tr[data-node-id]');
  }

  /** Each row's node id, whether it is the current step's, and its value and derivative cells. */
  async traceRowSnapshots(): Promise<TraceRowSnapshot[]> {
    return this.traceRows().evaluateAll((rows) =>
      rows.map((tr) => {
        // Columns: Node, Operation, Value, Local partials, Tangent/Adjoint.
        const cells = tr.children;
        return {
          id: Number(tr.getAttribute('data-node-id')),
          current: tr.getAttribute('aria-current') === 'step',
          value: cells[2]?.getAttribute('data-value') ?? '',
          derivative: cells[4]?.getAttribute('data-value') ?? '',
        };
      }),
    );
  }

  mergeToggle(): Locator {
    return this.page.getByRole('checkbox', { name: 'Merge common subexpressions', exact: true });
  }
}

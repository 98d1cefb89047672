// The Node side of the walkthroughs: the expected numbers come from the engine (the oracle) and
// from the reference fixture, never from numbers typed into a test.
import { readFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import {
  buildTrace,
  checkGradient,
  compile,
  explainStep,
  formatNumber,
  frameAt,
  gradient,
  type BuildOptions,
  type CheckRow,
  type Frame,
  type Graph,
  type Mode,
  type Point,
  type Trace,
} from '../ad-core/index.ts';
import type { NodeSnapshot, PlaygroundPage } from './pages/playground-page.ts';

export interface ReferenceCase {
  name: string;
  formula: string;
  at: Point;
  value: number;
  gradient: Point;
  source: string;
}

export function referenceCases(): ReferenceCase[] {
  const url = new URL('../ad-core/fixtures/reference-cases.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(url, 'utf8')) as { cases: ReferenceCase[] };
  return parsed.cases;
}

export function referenceCase(name: string): ReferenceCase {
  const found = referenceCases().find((c) => c.name === name);
  if (!found) throw new Error(`reference case ${name} is not in the fixture`);
  return found;
}

export function compileOrThrow(source: string, options?: BuildOptions): Graph {
  const built = compile(source, options);
  if (!built.ok)
    throw new Error(
      `oracle: ${JSON.stringify(source)} does not compile: ${built.diagnostics[0]?.message}`,
    );
  return built.graph;
}

export function traceOf(graph: Graph, point: Point, mode: Mode, seed?: Point): Trace {
  return buildTrace(graph, point, mode, seed);
}

export function framesOf(trace: Trace): Frame[] {
  return Array.from({ length: trace.steps.length + 1 }, (_, k) => frameAt(trace, k));
}

export function gradientOf(graph: Graph, point: Point): { value: number; gradient: Point } {
  return gradient(graph, point);
}

/** The engine's words for step k (`v₂ = v₋₁ · v₀ = 2 · 5 = 10`), one statement per line. */
export function explanationLines(trace: Trace, k: number): string[] {
  return explainStep(trace, k).lines;
}

/** How the app writes a number for people (4 significant digits, Unicode minus, ∞). */
export function displayed(x: number): string {
  return formatNumber(x);
}

export function checksOf(graph: Graph, point: Point): CheckRow[] {
  return checkGradient(graph, point, { method: 'central' });
}

/** Relative closeness as the fixture asks (1e-12), with NaN and ±∞ matched exactly. */
export function numbersAgree(actual: number, expected: number, rel = 1e-12): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  if (!Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));
}

/**
 * A `data-*` number attribute against the expected value: empty exactly when nothing is known
 * yet, otherwise a number `String(number)` could have written, within `rel`.
 */
export function attributeMatches(
  attr: string | null,
  expected: number | null,
  rel = 1e-12,
): boolean {
  if (expected === null) return attr === '';
  if (attr === null || attr === '') return false;
  const parsed = Number(attr);
  if (attr !== String(parsed)) return false; // not how String(number) writes a number
  return numbersAgree(parsed, expected, rel);
}

export function parseAttr(attr: string): number {
  const parsed = Number(attr);
  if (attr === '' || attr !== String(parsed))
    throw new Error(`not a String(number) value: ${JSON.stringify(attr)}`);
  return parsed;
}

type Field = 'value' | 'adjoint' | 'tangent';
const FRAME_FIELD: Record<Field, 'values' | 'adjoints' | 'tangents'> = {
  value: 'values',
  adjoint: 'adjoints',
  tangent: 'tangents',
};

/**
 * Asserts that the drawn graph shows exactly what the engine's frame knows: every node present
 * with its op, and each listed field equal to the frame's number (or empty when unknown).
 */
export function expectNodesMatchFrame(
  nodes: NodeSnapshot[],
  graph: Graph,
  frame: Frame,
  fields: readonly Field[],
  label: string,
): void {
  expect(
    nodes.map((n) => n.id),
    `${label}: one graph-node per tape node`,
  ).toEqual(graph.nodes.map((n) => n.id));
  const mismatches: string[] = [];
  for (const node of nodes) {
    const tapeNode = graph.nodes[node.id];
    if (!tapeNode) continue;
    if (node.op !== tapeNode.op)
      mismatches.push(`node ${node.id}: data-op ${node.op}, expected ${tapeNode.op}`);
    for (const field of fields) {
      const expected = frame[FRAME_FIELD[field]][node.id] ?? null;
      const attr = node[field];
      if (!attributeMatches(attr, expected)) {
        mismatches.push(
          `node ${node.id} (${tapeNode.name} ${tapeNode.op}): data-${field}=${JSON.stringify(attr)}, expected ${
            expected === null ? 'empty' : String(expected)
          }`,
        );
      }
    }
  }
  expect(mismatches, `${label}: graph nodes match the engine's frame`).toEqual([]);
}

/**
 * Waits until the drawn graph shows the engine's frame: the graph re-renders after the step
 * counter, so poll (and on time-out fail with the list of mismatches).
 */
export async function expectGraphShowsFrame(
  playground: PlaygroundPage,
  graph: Graph,
  frame: Frame,
  fields: readonly Field[],
  label: string,
): Promise<void> {
  await expect(async () => {
    expectNodesMatchFrame(await playground.nodes(), graph, frame, fields, label);
  }).toPass({ timeout: 5_000 });
}

// Every name a JavaScript object already answers to, run as a variable and as a binding through
// the engine and the CLI (text and JSON): each must be an ordinary name.
import { describe, expect, it } from 'vitest';
import { runCli } from './cli/run.ts';
import { compile } from './graph.ts';
import { checkGradient } from './check.ts';
import { evaluate } from './evaluate.ts';
import { forward, defaultSeed } from './forward.ts';
import { gradient, reverse } from './reverse.ts';
import { emptyPoint, JS_OBJECT_NAMES, pointFrom, pointGet } from './point.ts';

function graphOf(source: string) {
  const built = compile(source);
  if (!built.ok) throw new Error(`${source}: ${built.diagnostics[0]?.message}`);
  return built.graph;
}

describe('point helpers', () => {
  it('store and read every JavaScript-object name as an ordinary key', () => {
    for (const name of JS_OBJECT_NAMES) {
      const p = pointFrom([[name, 3]]);
      expect(pointGet(p, name), name).toBe(3);
      expect(Object.keys(p)).toEqual([name]);
      expect(pointGet(emptyPoint(), name), name).toBeUndefined();
      expect(pointGet({}, name), name).toBeUndefined();
    }
  });
});

describe.each(JS_OBJECT_NAMES)('the name %s', (name) => {
  it('is a variable: value, gradient, forward seed and check', () => {
    const graph = graphOf(`${name}*2`);
    expect(graph.variables).toEqual([name]);
    const point = pointFrom([[name, 3]]);
    const evaluation = evaluate(graph, point);
    expect(evaluation.values[graph.output]).toBe(6);
    expect(reverse(graph, evaluation).adjoints[graph.inputs[0]!]).toBe(2);
    const g = gradient(graph, point);
    expect(g.value).toBe(6);
    expect(pointGet(g.gradient, name)).toBe(2);
    const seed = defaultSeed(graph);
    expect(pointGet(seed, name)).toBe(1);
    expect(forward(graph, evaluation, seed).tangents[graph.output]).toBe(2);
    const [row] = checkGradient(graph, point);
    expect(row).toMatchObject({ variable: name, ad: 2, status: 'pass' });
    expect(row!.fd).toBeCloseTo(2, 6);
  });

  it('a variable missing from a plain-object point is NaN, never an inherited member', () => {
    const graph = graphOf(`${name} + 1`);
    expect(evaluate(graph, {}).values[graph.output]).toBeNaN();
  });

  it('is a binding', () => {
    const graph = graphOf(`${name} = x*2; ${name} + 1`);
    const g = gradient(graph, { x: 3 });
    expect(g.value).toBe(7);
    expect(pointGet(g.gradient, 'x')).toBe(2);
  });

  it('goes through the CLI as text and JSON, in both modes', () => {
    const text = runCli([`${name}*2`, '--at', `${name}=3`]);
    expect(text.exitCode).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^∂f/∂${name.replace(/\$/g, '\\$')} +2$`, 'm'));
    expect(text.stdout).not.toMatch(/NaN|∞/);

    const json = JSON.parse(runCli([`${name}*2`, '--at', `${name}=3`, '--json']).stdout);
    expect(json.value).toBe(6);
    expect(Object.hasOwn(json.gradient, name) && json.gradient[name]).toBe(2);
    expect(Object.hasOwn(json.point, name) && json.point[name]).toBe(3);
    expect(json.check[0]).toMatchObject({ variable: name, ad: 2, status: 'pass' });

    const fwd = JSON.parse(
      runCli([`${name}*2`, '--at', `${name}=3`, '--mode', 'forward', '--json']).stdout,
    );
    expect(Object.hasOwn(fwd.seed, name) && fwd.seed[name]).toBe(1);
    expect(fwd.directionalDerivative).toBe(2);
    const seeded = JSON.parse(
      runCli([`${name}*y`, '--at', `${name}=3,y=5`, '--mode', 'forward', '--seed', 'y=1', '--json'])
        .stdout,
    );
    expect(seeded.seed).toEqual(
      pointFrom([
        [name, 0],
        ['y', 1],
      ]),
    );
    expect(seeded.directionalDerivative).toBe(3);

    const bound = JSON.parse(
      runCli([`${name} = x*2; ${name} + 1`, '--at', 'x=3', '--json']).stdout,
    );
    expect(bound).toMatchObject({ ok: true, value: 7, gradient: { x: 2 } });
  });
});

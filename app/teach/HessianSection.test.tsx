import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { hessian } from '../../ad-core/index.ts';
import { graphOf } from '../../ad-core/test-support.ts';
import { HessianSection } from './HessianSection.tsx';

describe('HessianSection', () => {
  it('one cell per pair of variables, with AD, FD and the check', () => {
    const result = hessian(graphOf('x^2*y + 3*y'), { x: 2, y: 5 });
    const html = renderToStaticMarkup(<HessianSection result={result} />);
    const cells = [
      ...html.matchAll(
        /<td[^>]*data-row="(\w)" data-column="(\w)" data-ad="([^"]*)"[^>]*data-status="(\w+)"/g,
      ),
    ];
    // ∂²/∂x² = 2y = 10, ∂²/∂x∂y = 2x = 4, ∂²/∂y² = 0.
    expect(cells.map((m) => [m[1], m[2], Number(m[3]), m[4]])).toEqual([
      ['x', 'x', 10, 'pass'],
      ['x', 'y', 4, 'pass'],
      ['y', 'x', 4, 'pass'],
      ['y', 'y', 0, 'pass'],
    ]);
    expect(html).toContain('Every entry agrees with finite differences.');
  });

  it('too many variables: says so instead of a matrix', () => {
    const result = hessian(graphOf('a+b+c+d+f+g+h+i+j'), {});
    const html = renderToStaticMarkup(<HessianSection result={result} />);
    expect(html).not.toContain('<table');
    expect(html).toContain('up to 8 variables');
  });
});

describe('HessianSection of one of several outputs', () => {
  it('says which output f is, under the heading, both with a matrix and without', () => {
    const line = <p data-testid="followed-output">Output 2 of 2: y₂ = x*y</p>;
    const graph = graphOf('x^2, x*y');
    const html = renderToStaticMarkup(
      <HessianSection result={hessian(graph, { x: 1, y: 2 })} output={line} />,
    );
    expect(html).toMatch(/<h3[^>]*>Hessian<\/h3><p data-testid="followed-output">Output 2 of 2/);
    const tooMany = hessian(graphOf('a+b+c+d+f+g+h+i+j, a'), {});
    expect(renderToStaticMarkup(<HessianSection result={tooMany} output={line} />)).toContain(
      'Output 2 of 2',
    );
  });
});

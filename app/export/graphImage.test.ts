import { describe, expect, it } from 'vitest';
import {
  MARGIN,
  MONO_STACK,
  SANS_STACK,
  frameOf,
  inlineStyle,
  localUrls,
  pathOfCssD,
  safeFontStack,
} from './graphImage.ts';

describe('frameOf', () => {
  it('is the union of the boxes plus the margin, on whole pixels', () => {
    const f = frameOf([
      { x: 10.5, y: 20.2, width: 100, height: 50 },
      { x: -5, y: 30, width: 20, height: 60.3 },
    ]);
    expect(f).toEqual({
      x: Math.floor(-5 - MARGIN),
      y: Math.floor(20.2 - MARGIN),
      width: Math.ceil(110.5 + MARGIN) - Math.floor(-5 - MARGIN),
      height: Math.ceil(90.3 + MARGIN) - Math.floor(20.2 - MARGIN),
    });
    expect(Number.isInteger(f?.width)).toBe(true);
    expect(Number.isInteger(f?.height)).toBe(true);
  });

  it('ignores empty and non-finite boxes, and is null when nothing is drawn', () => {
    expect(frameOf([])).toBeNull();
    expect(frameOf([{ x: 0, y: 0, width: 0, height: 0 }])).toBeNull();
    expect(
      frameOf(
        [
          { x: 0, y: 0, width: 10, height: 10 },
          { x: Number.NaN, y: 0, width: 5, height: 5 },
          { x: 500, y: 500, width: 0, height: 3 },
        ],
        0,
      ),
    ).toEqual({ x: 0, y: 0, width: 10, height: 10 });
  });
});

describe('styles for a standalone file', () => {
  it('replaces any font stack with a system-safe one of the same kind', () => {
    expect(safeFontStack('"Fancy Webfont", system-ui, sans-serif')).toBe(SANS_STACK);
    expect(safeFontStack('ui-monospace, "DejaVu Sans Mono", monospace')).toBe(MONO_STACK);
  });

  it('turns absolute url() references into bare fragments', () => {
    expect(localUrls('url("http://127.0.0.1:5381/#f=x#gv1-arrow")')).toBe('url(#gv1-arrow)');
    expect(localUrls('url("http://h/#f=sin(x*y)%20%2B%201#gv-a")')).toBe('url(#gv-a)');
    expect(localUrls('url(#a)')).toBe('url(#a)');
    expect(localUrls('none')).toBe('none');
  });

  it('reads the path of a computed CSS d', () => {
    expect(pathOfCssD('path("M 0 0 L 10 10")')).toBe('M 0 0 L 10 10');
    expect(pathOfCssD('none')).toBeNull();
  });

  it('writes the drawn properties, skipping empty ones, and shows hidden text when asked', () => {
    const computed = new Map([
      ['fill', 'rgb(0, 114, 178)'],
      ['font-family', 'system-ui'],
      ['visibility', 'hidden'],
      ['marker-end', 'url("http://h/#m")'],
      ['stroke', ''],
    ]);
    const get = (p: string) => computed.get(p) ?? '';
    const shown = inlineStyle(get, true);
    expect(shown).toContain('fill: rgb(0, 114, 178)');
    expect(shown).toContain(`font-family: ${SANS_STACK}`);
    expect(shown).toContain('marker-end: url(#m)');
    expect(shown).not.toContain('visibility');
    expect(shown).not.toContain('stroke');
    expect(inlineStyle(get, false)).toContain('visibility: hidden');
  });
});

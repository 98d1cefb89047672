import { describe, expect, it } from 'vitest';
import { parse } from './parser.ts';
import { VECTOR_FUNCTION_NAMES, vectorFunctionHint } from './vector-functions.ts';

describe('vector functions in a scalar language', () => {
  it('softmax(x): unknown, with a hint that writes the scalar formula', () => {
    const r = parse('softmax(x)');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics[0]).toEqual({
      code: 'unknown-function',
      message: 'Unknown function `softmax`.',
      span: { start: 0, end: 7 },
      hint: 'softmax works on vectors; with scalars write exp(a)/(exp(a)+exp(b))',
    });
  });

  it('every listed name gets its hint, and no listed name is an op', () => {
    for (const name of VECTOR_FUNCTION_NAMES) {
      const r = parse(`${name}(x, y)`);
      expect(r.ok, name).toBe(false);
      if (!r.ok) expect(r.diagnostics[0]!.hint, name).toBe(vectorFunctionHint(name));
      expect(vectorFunctionHint(name), name).toMatch(
        / works on (vectors|matrices); with scalars write /,
      );
    }
  });

  it('other unknown names keep the did-you-mean hint; prototype names are not vector functions', () => {
    const r = parse('sine(x)');
    expect(!r.ok && r.diagnostics[0]!.hint).toMatch(/Did you mean `sin`\?/);
    expect(vectorFunctionHint('constructor')).toBeNull();
    expect(vectorFunctionHint('__proto__')).toBeNull();
  });
});

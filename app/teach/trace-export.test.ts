import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { buildTrace, frameAt } from '../../ad-core/index.ts';
import type { Mode, Point } from '../../ad-core/index.ts';
import { graphOf, referenceCases } from '../../ad-core/test-support.ts';
import { bracesBalanced } from './test-helpers.ts';
import { csvField, traceToCsv, traceToLatex, traceToMarkdown } from './trace-export.ts';
import { traceTableModel } from './trace-rows.ts';

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields may hold both and "". */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        field += ch;
        i++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length > 0) throw new Error('last record lacks CRLF');
  return records;
}

/** Unescaped `&` and `|` separators in a line. */
function countUnescaped(line: string, sep: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === sep) n++;
  }
  return n;
}

/** Finds `$…$` math cells (escaped `\$` excluded). */
function mathCells(line: string): string[] {
  const cells: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') {
      i++;
      continue;
    }
    if (line[i] === '$') {
      if (start < 0) start = i + 1;
      else {
        cells.push(line.slice(start, i));
        start = -1;
      }
    }
  }
  if (start >= 0) throw new Error(`unbalanced $ in ${line}`);
  return cells;
}

interface Case {
  formula: string;
  at: Point;
}

const cases: Case[] = [
  ...referenceCases.cases.map((c) => ({ formula: c.formula, at: c.at })),
  // Names with TeX specials and Greek; NaN (log of a negative number) and ∞ (division by 0).
  { formula: 'log(w_0) * θ + θ/x', at: { w_0: -1, θ: 2, x: 0 } },
  { formula: 'abs(x) + max(x, y) + x*x', at: { x: 0, y: 0 } },
];

function tracesOf(c: Case): { mode: Mode; k: number; trace: ReturnType<typeof buildTrace> }[] {
  const graph = graphOf(c.formula);
  const out = [];
  for (const mode of ['reverse', 'forward'] as const) {
    const trace = buildTrace(graph, c.at, mode);
    for (const k of [0, Math.floor(trace.steps.length / 2), trace.steps.length])
      out.push({ mode, k, trace });
  }
  return out;
}

describe('traceToLatex', () => {
  for (const c of cases) {
    it(`is a structurally valid tabular for ${c.formula}`, () => {
      for (const { trace, k } of tracesOf(c)) {
        const latex = traceToLatex(trace, frameAt(trace, k));
        const begins = latex.match(/\\begin\{(\w+)\}/g) ?? [];
        const ends = latex.match(/\\end\{(\w+)\}/g) ?? [];
        expect(begins).toEqual(['\\begin{tabular}']);
        expect(ends).toEqual(['\\end{tabular}']);
        expect(latex.indexOf('\\begin{tabular}')).toBeLessThan(latex.indexOf('\\end{tabular}'));
        const body = latex.split('\n').filter((l) => !l.startsWith('%'));
        expect(bracesBalanced(body.join('\n'))).toBe(true);
        const rows = body.filter((l) => l.endsWith('\\\\'));
        expect(rows.length).toBe(traceTableModel(trace, frameAt(trace, k)).rows.length + 1);
        for (const row of rows) {
          expect(countUnescaped(row, '&')).toBe(4);
          for (const cell of mathCells(row)) {
            expect(() =>
              katex.renderToString(cell, { throwOnError: true, strict: 'error' }),
            ).not.toThrow();
          }
        }
      }
    });
  }

  it('escapes special characters and Greek in variable names', () => {
    const c = cases.find((x) => x.formula.includes('w_0'));
    if (!c) throw new Error('case missing');
    const trace = buildTrace(graphOf(c.formula), c.at, 'reverse');
    const latex = traceToLatex(trace, frameAt(trace, trace.steps.length));
    expect(latex).toContain('\\mathrm{w\\_0}');
    expect(latex).toContain('\\theta');
    expect(latex).not.toContain('θ');
    expect(latex).toContain('\\mathrm{NaN}');
    expect(latex).toContain('\\infty');
    // Outside comments, every `_` is either a subscript in math or escaped.
    for (const line of latex.split('\n').filter((l) => !l.startsWith('%'))) {
      for (const cell of line.split(/(?<!\\)&/)) {
        if (!cell.includes('$')) expect(cell).not.toMatch(/(?<!\\)[_%#^~]/);
      }
    }
  });
});

describe('traceToMarkdown', () => {
  for (const c of cases) {
    it(`is a well-formed table for ${c.formula}`, () => {
      for (const { trace, k } of tracesOf(c)) {
        const frame = frameAt(trace, k);
        const lines = traceToMarkdown(trace, frame).trimEnd().split('\n');
        expect(lines[1]).toMatch(/^\|( -{3,}:? \|)+$/);
        expect(lines.length).toBe(traceTableModel(trace, frame).rows.length + 2);
        for (const line of lines) {
          expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
          expect(countUnescaped(line, '|')).toBe(6);
        }
      }
    });
  }
});

describe('traceToCsv', () => {
  it('quotes fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
  });

  for (const c of cases) {
    it(`parses back to the same numbers for ${c.formula}`, () => {
      for (const { trace, k, mode } of tracesOf(c)) {
        const frame = frameAt(trace, k);
        const records = parseCsv(traceToCsv(trace, frame));
        const [header, ...rows] = records;
        expect(header?.at(-1)).toBe(mode === 'forward' ? 'tangent' : 'adjoint');
        const model = traceTableModel(trace, frame);
        expect(rows.length).toBe(model.rows.length);
        const same = (cell: string | undefined, value: number | null) => {
          if (value === null) return cell === '';
          const back = Number(cell);
          return back === value || (Number.isNaN(back) && Number.isNaN(value));
        };
        model.rows.forEach((row, i) => {
          const cells = rows[i] ?? [];
          expect(cells.length).toBe(header?.length);
          expect(Number(cells[0])).toBe(row.nodeId);
          expect(cells[3]).toBe(row.operation);
          expect(same(cells[4], row.value)).toBe(true);
          expect(same(cells[6], row.partials[0]?.value ?? null)).toBe(true);
          expect(same(cells[8], row.partials[1]?.value ?? null)).toBe(true);
          expect(same(cells[9], row.derivative)).toBe(true);
        });
      }
    });
  }

  it('spells out NaN and Infinity', () => {
    const c = cases.find((x) => x.formula.includes('w_0'));
    if (!c) throw new Error('case missing');
    const trace = buildTrace(graphOf(c.formula), c.at, 'reverse');
    const csv = traceToCsv(trace, frameAt(trace, trace.steps.length));
    expect(csv).toMatch(/,NaN[,\r]/);
    expect(csv).toMatch(/,-?Infinity[,\r]/);
  });
});

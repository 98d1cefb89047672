import { describe, expect, it } from 'vitest';
import { largeGraphNote } from './printGraph.ts';

describe('the note under a large graph on paper', () => {
  it('says the whole graph is there, how big it is, and where to get a closer look', () => {
    expect(largeGraphNote(1999, true)).toBe(
      'The whole graph: 1,999 nodes, drawn small to fit the page (far out, each node is a dot in its colour). For a picture to zoom into, use Share → Download SVG.',
    );
    expect(largeGraphNote(20_001, false)).toContain('20,001 nodes');
    expect(largeGraphNote(20_001, false)).toContain('Download PNG');
  });
});

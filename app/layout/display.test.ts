import { describe, expect, it } from 'vitest';
import {
  applyDisplayLink,
  displayLinkPart,
  formatDisplayLink,
  parseDisplayLink,
} from './display.ts';

const fields = (o: Record<string, string>) => new Map(Object.entries(o));

describe('display link parts', () => {
  it('absent parts are the default and give no link part', () => {
    expect(parseDisplayLink(fields({}))).toEqual({ ok: true, link: undefined });
    expect(parseDisplayLink(fields({ present: '0', embed: '0', hide: '' }))).toEqual({
      ok: true,
      link: undefined,
    });
  });

  it('round-trips present, embed and a hide list (in the page’s order)', () => {
    const parsed = parseDisplayLink(fields({ present: '1', embed: '1', hide: 'player,editor' }));
    expect(parsed).toEqual({
      ok: true,
      link: { present: true, embed: true, hide: ['editor', 'player'] },
    });
    if (!parsed.ok || !parsed.link) throw new Error('unreachable');
    expect(formatDisplayLink(parsed.link)).toBe('&present=1&embed=1&hide=editor,player');
  });

  it('rejects malformed parts with a reason', () => {
    const bads: Record<string, string>[] = [
      { present: 'yes' },
      { embed: '2' },
      { hide: 'editor,,player' },
      { hide: 'header' },
      { hide: 'quiz,quiz' },
      { hide: '__proto__' },
    ];
    for (const bad of bads) {
      const r = parseDisplayLink(fields(bad));
      expect(r.ok, JSON.stringify(bad)).toBe(false);
    }
  });

  it('the store gives back the link it was given', () => {
    applyDisplayLink({ embed: true, hide: ['drawer'] });
    expect(displayLinkPart()).toEqual({ display: { embed: true, hide: ['drawer'] } });
    applyDisplayLink({});
    expect(displayLinkPart()).toEqual({});
  });
});

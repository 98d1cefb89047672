import { describe, expect, it } from 'vitest';
import { tableOf } from '../../ad-core/index.ts';
import { decodeHash, encodeHash, MAX_HASH_LENGTH } from '../url/hash.ts';
import { formatTrainingLink, parseTrainingLink } from './link.ts';

const BASE = '#f=(w*x%2Bb-y)%5E2&at=';

function decode(parts: string) {
  return decodeHash(BASE + parts);
}

describe('training links', () => {
  it('round-trip every part through the hash', () => {
    const state = {
      formula: '(w*x+b-y)^2',
      point: {},
      panel: 'train' as const,
      train: {
        params: ['w', 'b'],
        data: tableOf(
          ['x', 'y'],
          [
            [0, 1],
            [1, 3],
            [-2.5, 1e-7],
          ],
        ),
        lr: 0.1,
        optimizer: 'adam' as const,
        batchSize: 2,
        steps: 250,
        seed: 7,
        view: 'batch' as const,
      },
    };
    const hash = encodeHash(state);
    expect(hash).toContain(
      '&params=w,b&data=x%2Cy%3B0%2C1%3B1%2C3%3B-2.5%2C1e-7&lr=0.1&opt=adam&batch=2&train=250&init=7&view=batch',
    );
    const back = decodeHash(hash);
    expect(back.kind).toBe('ok');
    if (back.kind !== 'ok') return;
    expect(back.state.train).toMatchObject({
      params: ['w', 'b'],
      lr: 0.1,
      optimizer: 'adam',
      batchSize: 2,
      steps: 250,
      seed: 7,
      view: 'batch',
    });
    expect(back.state.train!.data!.rowCount).toBe(3);
    expect([...back.state.train!.data!.values[1]!]).toEqual([1, 3, 1e-7]);
  });

  it('leave out the default parts, and a link without them has no training', () => {
    expect(formatTrainingLink({ seed: 1, steps: 0 })).toBe('');
    const plain = decodeHash(`${BASE}x%3D1`);
    expect(plain.kind === 'ok' && plain.state.train).toBeUndefined();
  });

  it('keep forward mode’s seed= apart from the initialisation seed init=', () => {
    const r = decodeHash(`${BASE}&mode=forward&seed=x&init=5`);
    expect(r.kind === 'ok' && r.state.seed).toEqual({ kind: 'variable', name: 'x' });
    expect(r.kind === 'ok' && r.state.train?.seed).toBe(5);
  });

  it('reject malformed or hostile parts with a reason (the bad-link fallback)', () => {
    const bad = [
      'data=x%2Cy%3B1%2Cabc',
      'data=x%2Cy%3B1',
      'data=%3Cscript%3E%2Cy%3B1%2C2',
      'data=',
      'lr=-1',
      'lr=0',
      'lr=1e999',
      'lr=abc',
      'opt=rmsprop',
      'batch=0',
      'batch=1.5',
      'train=100001',
      'train=-3',
      'init=4294967296',
      'params=w,w',
      'params=1w',
      'params=w%3Cb',
      'view=example',
      'view=',
    ];
    for (const part of bad) {
      const r = decode(`&${part}`);
      expect(r.kind, part).toBe('invalid');
      if (r.kind === 'invalid') expect(r.reason.length).toBeGreaterThan(0);
    }
  });

  it('refuse a table over the row limit and a hash over the length limit', () => {
    const rows = Array.from({ length: 1001 }, (_, i) => `${i},${i}`).join(';');
    expect(parseTrainingLink(new Map([['data', `x,y;${rows}`]])).ok).toBe(false);
    const long = decode(`&data=${'x'.repeat(MAX_HASH_LENGTH)}`);
    expect(long.kind).toBe('invalid');
  });

  it('name the row and column of a bad cell in the reason', () => {
    const r = parseTrainingLink(new Map([['data', 'x,y;1,2;3,oops']]));
    expect(!r.ok && r.reason).toContain('Row 2, column y');
  });
});

import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl } from './share.ts';

describe('embed code', () => {
  it('adds embed=1 once', () => {
    expect(embedUrl('https://a.example/p/#f=x&at=x%3D1')).toBe(
      'https://a.example/p/#f=x&at=x%3D1&embed=1',
    );
    expect(embedUrl('https://a.example/p/#f=x&embed=1')).toBe('https://a.example/p/#f=x&embed=1');
  });

  it('is one iframe whose attribute cannot be broken out of', () => {
    const code = embedCode('https://a.example/#f=%22%3E%3Cscript%3E&at=');
    expect(
      code.startsWith('<iframe src="https://a.example/#f=%22%3E%3Cscript%3E&amp;at=&amp;embed=1"'),
    ).toBe(true);
    expect(code.match(/"/g)?.length).toBe(12); // six attributes, each quoted once
    expect(embedCode('https://a.example/#f="><b>')).not.toContain('"><b>');
  });
});

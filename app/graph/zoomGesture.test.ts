import { describe, expect, it } from 'vitest';
import { startsZoomGesture } from './zoomGesture.ts';

describe('startsZoomGesture', () => {
  it('leaves a one-finger touch to the page, so a swipe scrolls it', () => {
    expect(startsZoomGesture({ type: 'touchstart', touches: { length: 1 } })).toBe(false);
  });

  it('takes two fingers (pan and pinch the graph)', () => {
    expect(startsZoomGesture({ type: 'touchstart', touches: { length: 2 } })).toBe(true);
    expect(startsZoomGesture({ type: 'touchstart', touches: { length: 3 } })).toBe(true);
  });

  it('keeps d3-zoom’s default for the mouse: main button drags, ctrl+wheel zooms, ctrl+click does not', () => {
    expect(startsZoomGesture({ type: 'mousedown', button: 0 })).toBe(true);
    expect(startsZoomGesture({ type: 'mousedown', button: 2 })).toBe(false);
    expect(startsZoomGesture({ type: 'mousedown', button: 0, ctrlKey: true })).toBe(false);
    expect(startsZoomGesture({ type: 'wheel', ctrlKey: true })).toBe(true);
    expect(startsZoomGesture({ type: 'wheel' })).toBe(true);
  });
});

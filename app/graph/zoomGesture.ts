// Which pointer events may start a pan or zoom of the graph. One finger on a touch screen belongs
// to the page (a swipe over the graph scrolls, as on any web page; a tap selects a node); two
// fingers pan and pinch the graph. The mouse and the wheel behave as d3-zoom's default filter.

export interface GestureEvent {
  type: string;
  ctrlKey?: boolean;
  button?: number;
  touches?: { length: number };
}

export function startsZoomGesture(event: GestureEvent): boolean {
  if (event.type === 'touchstart') return (event.touches?.length ?? 0) >= 2;
  return (!event.ctrlKey || event.type === 'wheel') && !event.button;
}

// Lays out large graphs off the main thread so typing never waits for d3-dag.
import { computeLayout, postableLayout, type LayoutInput } from './layout.ts';
import { packLayout, transferablesOf, type PackedLayout } from './packedLayout.ts';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutResponse = { id: number; packed: PackedLayout } | { id: number; error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  let response: LayoutResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    // Without the contributions' places: the main thread places those it shows (withLazyTails).
    // The numbers go as transferred buffers: copying them as objects stalled the main thread.
    const posted = postableLayout(computeLayout(input));
    const packed = packLayout(posted.layout, posted.bulged);
    response = { id, packed };
    transfer = transferablesOf(packed);
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response, { transfer });
};

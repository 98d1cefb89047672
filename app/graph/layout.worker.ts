// Lays out large graphs off the main thread so typing never waits for d3-dag.
import { computeLayout, postableLayout, type LayoutInput } from './layout.ts';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutResponse =
  ({ id: number } & ReturnType<typeof postableLayout>) | { id: number; error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  let response: LayoutResponse;
  try {
    // Without the contributions' places: the main thread places those it shows (withLazyTails).
    response = { id, ...postableLayout(computeLayout(input)) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};

// Lays out large graphs off the main thread so typing never waits for d3-dag.
import { computeLayout, type Layout, type LayoutInput } from './layout.ts';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutResponse = { id: number; layout: Layout } | { id: number; error: string };

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, input } = event.data;
  let response: LayoutResponse;
  try {
    response = { id, layout: computeLayout(input) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(response);
};
